package io.qserverless.quantum.circuit;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What one circuit instruction does: a {@link Gate}, {@link Measure}, {@link DiscardedMeasure},
 * {@link Reset}, {@link Barrier}, {@link Delay}, {@link SetBit} or {@link ControlFlow}.
 *
 * <p>Operations are immutable values; where they act is the {@link CircuitInstruction}'s business.
 */
public sealed interface Operation extends Serializable
    permits Gate, Measure, DiscardedMeasure, Reset, Barrier, Delay, SetBit, ControlFlow {
  /** The OpenQASM / Qiskit name, e.g. {@code cx}, {@code measure}. */
  String name();

  int numQubits();

  int numClbits();

  /** The operation's parameters (gate angles, delay duration); empty if none. */
  default List<ParameterExpression> params() {
    return List.of();
  }

  /** This operation with its parameters substituted; itself if it has none. */
  default Operation substitute(Map<Parameter, ? extends ParameterExpression> values) {
    return this;
  }
}
