/** Random circuit generation with the structure of Qiskit's {@code qiskit.circuit.random}. */
package io.qserverless.quantum.circuit.random;
