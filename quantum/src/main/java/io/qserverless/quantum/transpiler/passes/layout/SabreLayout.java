package io.qserverless.quantum.transpiler.passes.layout;

import io.qserverless.quantum.transpiler.AnalysisPass;
import io.qserverless.quantum.transpiler.CouplingMap;
import io.qserverless.quantum.transpiler.DagCircuit;
import io.qserverless.quantum.transpiler.Op;
import io.qserverless.quantum.transpiler.PropertySet;
import io.qserverless.quantum.transpiler.Target;
import io.qserverless.quantum.transpiler.internal.SabreRouter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Chooses the layout by SABRE's forward-backward search: from a random compact start, route the
 * circuit forwards, then its reverse from where that ended, a few times, so the final mapping
 * settles where the circuit's early gates want their qubits; then keep, over seeded trials, the
 * layout whose forward routing needs the fewest swaps. Skips itself if a layout is already set.
 */
public final class SabreLayout implements AnalysisPass {
  private final Target target;
  private final int trials;
  private final int iterations;
  private final long seed;

  /**
   * @param trials independent random starts
   * @param iterations forward-backward rounds per start
   */
  public SabreLayout(Target target, int trials, int iterations, long seed) {
    this.target = target;
    this.trials = trials;
    this.iterations = iterations;
    this.seed = seed;
  }

  @Override
  public void analyze(DagCircuit dag, PropertySet properties) {
    if (properties.contains(PropertySet.LAYOUT)) {
      return;
    }
    target.requireFits(dag.numQubits());
    CouplingMap coupling = target.couplingMap();
    List<Op> twoQubit = new ArrayList<>();
    for (Op op : dag.ops()) {
      if (op.needsCoupling()) {
        twoQubit.add(op);
      }
    }
    DagCircuit forward = new DagCircuit(dag.numQubits(), dag.numClbits(), twoQubit);
    List<Op> reversedOps = new ArrayList<>(twoQubit);
    Collections.reverse(reversedOps);
    DagCircuit backward = new DagCircuit(dag.numQubits(), dag.numClbits(), reversedOps);
    SabreRouter router = new SabreRouter(coupling);
    int[] best = null;
    int bestSwaps = Integer.MAX_VALUE;
    for (int t = 0; t < trials && bestSwaps > 0; t++) {
      Random random = new Random(seed + t);
      int[] l2p = compactStart(coupling, dag.numQubits(), random);
      for (int i = 0; i < iterations; i++) {
        l2p = router.route(forward, l2p, random, false).finalMapping();
        l2p = router.route(backward, l2p, random, false).finalMapping();
      }
      int swaps = router.route(forward, l2p, random, false).swaps();
      if (swaps < bestSwaps) {
        bestSwaps = swaps;
        best = l2p;
      }
    }
    int[] layout = new int[dag.numQubits()];
    System.arraycopy(best, 0, layout, 0, layout.length);
    properties.put(PropertySet.LAYOUT, layout);
  }

  /**
   * A random start inside one connected region: the circuit's qubits on the first physical qubits
   * met by a breadth-first walk from a random qubit, shuffled; the rest (ancillas) anywhere else.
   */
  static int[] compactStart(CouplingMap coupling, int circuitQubits, Random random) {
    int n = coupling.numQubits();
    List<Integer> order = new ArrayList<>();
    boolean[] seen = new boolean[n];
    int root = random.nextInt(n);
    for (int start = root, k = 0; k < n; start = (root + ++k) % n) {
      if (seen[start]) {
        continue;
      }
      seen[start] = true;
      order.add(start);
      for (int h = order.size() - 1; h < order.size(); h++) {
        for (int p : coupling.neighbors(order.get(h))) {
          if (!seen[p]) {
            seen[p] = true;
            order.add(p);
          }
        }
      }
    }
    List<Integer> region = new ArrayList<>(order.subList(0, circuitQubits));
    Collections.shuffle(region, random);
    int[] l2p = new int[n];
    for (int l = 0; l < n; l++) {
      l2p[l] = l < circuitQubits ? region.get(l) : order.get(l);
    }
    return l2p;
  }
}
