package io.qserverless.quantum.circuit;

/**
 * Writes the value of {@code value}, wrapped to the variable's type, into {@code var} while the
 * circuit runs (OpenQASM 3 {@code tries += 1;} on a variable a measured loop changes; Qiskit's
 * {@code Store}). It acts on no qubit and no clbit; its expression's clbits are those of the
 * circuit it stands in.
 */
public record Store(ClassicalVar var, ClassicalExpr value) implements ControlFlow {
  @Override
  public String name() {
    return "store";
  }
}
