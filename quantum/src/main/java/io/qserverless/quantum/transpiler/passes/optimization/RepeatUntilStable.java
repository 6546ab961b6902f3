package io.qserverless.quantum.transpiler.passes.optimization;

import io.qserverless.quantum.transpiler.DagCircuit;
import io.qserverless.quantum.transpiler.PropertySet;
import io.qserverless.quantum.transpiler.TransformationPass;
import java.util.List;

/**
 * Runs a group of transformation passes again and again while each round still removes ops (at most
 * {@code maxRounds} rounds): one optimisation often exposes another, e.g. cancelling two ECRs
 * leaves single-qubit runs to merge.
 */
public final class RepeatUntilStable implements TransformationPass {
  private final List<TransformationPass> passes;
  private final int maxRounds;

  public RepeatUntilStable(List<TransformationPass> passes, int maxRounds) {
    this.passes = List.copyOf(passes);
    this.maxRounds = maxRounds;
  }

  @Override
  public DagCircuit transform(DagCircuit dag, PropertySet properties) {
    DagCircuit current = dag;
    for (int round = 0; round < maxRounds; round++) {
      int before = current.ops().size();
      for (TransformationPass p : passes) {
        current = p.transform(current, properties);
      }
      if (current.ops().size() >= before) {
        break;
      }
    }
    return current;
  }
}
