package io.qserverless.quantum.circuit;

/**
 * Control flow decided while the circuit runs: a {@link WhileLoop} on measured bits and the {@link
 * BreakLoop} / {@link ContinueLoop} inside its body. The statevector simulator follows it branch by
 * branch; nothing else that reads circuits (transpiler, QPY, circuit JSON) takes it.
 */
public sealed interface ControlFlow extends Operation permits WhileLoop, BreakLoop, ContinueLoop {
  /** None for a jump; a loop acts on its body's qubits. */
  @Override
  default int numQubits() {
    return 0;
  }

  @Override
  default int numClbits() {
    return 0;
  }
}
