/**
 * Implementation of the circuit model: gate matrices, definitions, inverses, unitaries, metrics and
 * drawing. Nothing outside {@code io.qserverless.quantum} should import it; the public entry points
 * are on {@code StandardGate}, {@code Gate} and {@code QuantumCircuit}.
 */
package io.qserverless.quantum.circuit.internal;
