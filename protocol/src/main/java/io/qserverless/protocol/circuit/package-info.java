/**
 * The JSON encoding of quantum circuits ({@link io.qserverless.protocol.circuit.CircuitJson}), the
 * {@code __value__} of a {@code QuantumCircuit} in job arguments and results.
 */
package io.qserverless.protocol.circuit;
