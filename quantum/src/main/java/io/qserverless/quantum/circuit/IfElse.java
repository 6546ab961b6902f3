package io.qserverless.quantum.circuit;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs {@code then} if {@code condition} is true when the circuit reaches it, else {@code
 * otherwise} (OpenQASM 3 {@code if} on a run-time variable; Qiskit's {@code IfElseOp}). Both bodies
 * act on the instruction's qubits and clbits, as a {@link WhileLoop}'s body does; the condition's
 * clbits are numbered as the bodies' are.
 */
public record IfElse(ClassicalExpr condition, QuantumCircuit then, QuantumCircuit otherwise)
    implements ControlFlow {
  public IfElse {
    then = then.copy();
    otherwise = otherwise.copy();
    if (then.numQubits() != otherwise.numQubits() || then.numClbits() != otherwise.numClbits()) {
      throw new IllegalArgumentException(
          "the two bodies of an if/else must have the same qubits and clbits");
    }
  }

  @Override
  public QuantumCircuit then() {
    return then.copy();
  }

  @Override
  public QuantumCircuit otherwise() {
    return otherwise.copy();
  }

  @Override
  public String name() {
    return "if_else";
  }

  @Override
  public int numQubits() {
    return then.numQubits();
  }

  @Override
  public int numClbits() {
    return then.numClbits();
  }

  @Override
  public List<ParameterExpression> params() {
    return Stream.of(then, otherwise)
        .flatMap(c -> c.data().stream())
        .flatMap(in -> in.operation().params().stream())
        .toList();
  }

  @Override
  public Operation substitute(Map<Parameter, ? extends ParameterExpression> values) {
    return new IfElse(condition, then.substitute(values), otherwise.substitute(values));
  }
}
