/**
 * The circuit model: {@link io.qserverless.quantum.circuit.QuantumCircuit}, its registers and
 * instructions, the {@link io.qserverless.quantum.circuit.StandardGate} library, user gates and
 * symbolic parameters. Other packages (OpenQASM, transpiler, simulator) read and build circuits
 * through this API only.
 */
package io.qserverless.quantum.circuit;
