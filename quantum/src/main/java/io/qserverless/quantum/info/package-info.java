/**
 * Quantum information values: observables as sums of Pauli strings ({@link
 * io.qserverless.quantum.info.SparsePauliOp}).
 */
package io.qserverless.quantum.info;
