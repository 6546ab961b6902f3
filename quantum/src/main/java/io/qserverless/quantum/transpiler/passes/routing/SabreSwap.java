package io.qserverless.quantum.transpiler.passes.routing;

import io.qserverless.quantum.transpiler.DagCircuit;
import io.qserverless.quantum.transpiler.PropertySet;
import io.qserverless.quantum.transpiler.Target;
import io.qserverless.quantum.transpiler.TransformationPass;
import io.qserverless.quantum.transpiler.internal.SabreRouter;
import java.util.Random;

/**
 * Routes with the SABRE heuristic (front layer + lookahead + decay), keeping the fewest-swap result
 * over seeded trials. Records the resulting permutation.
 */
public final class SabreSwap implements TransformationPass {
  private final Target target;
  private final int trials;
  private final long seed;

  public SabreSwap(Target target, int trials, long seed) {
    this.target = target;
    this.trials = trials;
    this.seed = seed;
  }

  @Override
  public DagCircuit transform(DagCircuit dag, PropertySet properties) {
    Routing.requireRoutable(dag, target);
    SabreRouter router = new SabreRouter(target.couplingMap());
    int[] start = Routing.identity(dag.numQubits());
    SabreRouter.Result best = null;
    for (int t = 0; t < trials && (best == null || best.swaps() > 0); t++) {
      SabreRouter.Result r = router.route(dag, start, new Random(seed + t), true);
      if (best == null || r.swaps() < best.swaps()) {
        best = r;
      }
    }
    properties.put(PropertySet.FINAL_PERMUTATION, best.finalMapping());
    return best.routed();
  }
}
