package io.qserverless.quantum.circuit;

import java.util.List;
import java.util.Map;

/**
 * Runs {@code body} again and again while any of {@code conditions} holds on the classical bits, or
 * while {@code test} is true, tested before each pass (OpenQASM 3 {@code while} on measured bits or
 * run-time variables). The body acts on the instruction's qubits and clbits: its qubit k is the
 * instruction's k-th qubit, likewise clbits.
 *
 * <p>The number of passes is known only when the circuit runs; the simulator's limits are
 * documented on {@code StatevectorSimulator}.
 *
 * @param conditions the loop goes on while at least one holds (a condition on measured bits that
 *     several values satisfy is one {@link Condition} per value); none: it goes on until a {@link
 *     BreakLoop} (OpenQASM 3 {@code while (true)}) unless {@code test} is given
 * @param test null, or the expression tested instead of {@code conditions} (which are then empty)
 */
public record WhileLoop(List<Condition> conditions, ClassicalExpr test, QuantumCircuit body)
    implements ControlFlow {
  public WhileLoop {
    conditions = List.copyOf(conditions);
    body = body.copy();
    if (test != null && !conditions.isEmpty()) {
      throw new IllegalArgumentException("a while loop tests its conditions or an expression");
    }
    for (Condition c : conditions) {
      for (int bit : c.clbits()) {
        if (bit >= body.numClbits()) {
          throw new IllegalArgumentException(
              "the while condition reads clbit "
                  + bit
                  + " but the body has "
                  + body.numClbits()
                  + " clbits");
        }
      }
    }
  }

  /** A loop on bit conditions only. */
  public WhileLoop(List<Condition> conditions, QuantumCircuit body) {
    this(conditions, null, body);
  }

  /** A copy: circuits are mutable. */
  @Override
  public QuantumCircuit body() {
    return body.copy();
  }

  @Override
  public String name() {
    return "while_loop";
  }

  @Override
  public int numQubits() {
    return body.numQubits();
  }

  @Override
  public int numClbits() {
    return body.numClbits();
  }

  /** The body's parameters, so that a circuit with a loop knows it is still symbolic. */
  @Override
  public List<ParameterExpression> params() {
    return body.data().stream().flatMap(in -> in.operation().params().stream()).toList();
  }

  @Override
  public Operation substitute(Map<Parameter, ? extends ParameterExpression> values) {
    return new WhileLoop(conditions, test, body.substitute(values));
  }
}
