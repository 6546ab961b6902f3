package io.qserverless.quantum.transpiler;

/**
 * A transpiler pass: either an {@link AnalysisPass}, which only writes facts into the {@link
 * PropertySet}, or a {@link TransformationPass}, which returns a new circuit.
 */
public sealed interface BasePass permits AnalysisPass, TransformationPass {
  /** The pass's name as shown in logs: its simple class name. */
  default String name() {
    return getClass().getSimpleName();
  }
}
