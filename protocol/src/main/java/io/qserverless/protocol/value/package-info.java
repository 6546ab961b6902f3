/**
 * The JSON encoding of program arguments and results: plain JSON for maps, lists, strings, numbers
 * and booleans, and the envelope {@code {"__type__": "<Type>", "__value__": ...}} for typed values
 * such as {@code QuantumCircuit}. {@link io.qserverless.protocol.value.Values} is the entry.
 */
package io.qserverless.protocol.value;
