package io.qserverless.quantum.circuit;

/**
 * Control flow and classical computation decided while the circuit runs: a {@link WhileLoop} on
 * measured bits or variables, the {@link BreakLoop} / {@link ContinueLoop} inside its body, an
 * {@link IfElse} on a variable and the {@link Store} that writes one. The statevector simulator
 * follows them branch by branch; nothing else that reads circuits (transpiler, QPY, circuit JSON)
 * takes them.
 */
public sealed interface ControlFlow extends Operation
    permits WhileLoop, BreakLoop, ContinueLoop, IfElse, Store {
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
