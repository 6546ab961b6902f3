package io.qserverless.quantum.transpiler.passes.layout;

import io.qserverless.quantum.transpiler.AnalysisPass;
import io.qserverless.quantum.transpiler.CouplingMap;
import io.qserverless.quantum.transpiler.DagCircuit;
import io.qserverless.quantum.transpiler.Op;
import io.qserverless.quantum.transpiler.PropertySet;
import io.qserverless.quantum.transpiler.Target;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Looks for a layout that needs no swaps at all: an embedding of the circuit's interaction graph
 * into the coupling graph (the subgraph-isomorphism question Qiskit's VF2Layout answers), by
 * backtracking with a step budget. Sets the layout only when one is found, so a following layout
 * pass can fill in otherwise.
 */
public final class PerfectLayout implements AnalysisPass {
  private static final int STEP_BUDGET = 20_000;
  private final Target target;

  public PerfectLayout(Target target) {
    this.target = target;
  }

  @Override
  public void analyze(DagCircuit dag, PropertySet properties) {
    target.requireFits(dag.numQubits());
    int v = dag.numQubits();
    boolean[][] interacts = new boolean[v][v];
    for (Op op : dag.ops()) {
      if (op.needsCoupling()) {
        interacts[op.qubit(0)][op.qubit(1)] = true;
        interacts[op.qubit(1)][op.qubit(0)] = true;
      }
    }
    int[] degree = new int[v];
    for (int a = 0; a < v; a++) {
      for (int b = 0; b < v; b++) {
        degree[a] += interacts[a][b] ? 1 : 0;
      }
    }
    Integer[] order =
        IntStream.range(0, v)
            .boxed()
            .sorted(Comparator.comparingInt(q -> -degree[q]))
            .toArray(Integer[]::new);
    int[] layout = new int[v];
    Arrays.fill(layout, -1);
    Search s = new Search(target.couplingMap(), interacts, order, layout);
    if (s.place(0)) {
      properties.put(PropertySet.LAYOUT, layout);
    }
  }

  private static final class Search {
    private final CouplingMap coupling;
    private final boolean[][] interacts;
    private final Integer[] order;
    private final int[] layout;
    private final boolean[] used;
    private int steps;

    Search(CouplingMap coupling, boolean[][] interacts, Integer[] order, int[] layout) {
      this.coupling = coupling;
      this.interacts = interacts;
      this.order = order;
      this.layout = layout;
      this.used = new boolean[coupling.numQubits()];
    }

    boolean place(int k) {
      if (k == order.length) {
        return true;
      }
      int q = order[k];
      for (int p = 0; p < used.length; p++) {
        if (used[p] || ++steps > STEP_BUDGET || !fits(q, p)) {
          continue;
        }
        layout[q] = p;
        used[p] = true;
        if (place(k + 1)) {
          return true;
        }
        used[p] = false;
        layout[q] = -1;
      }
      return false;
    }

    private boolean fits(int q, int p) {
      for (int other = 0; other < layout.length; other++) {
        if (interacts[q][other] && layout[other] >= 0 && !coupling.areAdjacent(p, layout[other])) {
          return false;
        }
      }
      return true;
    }
  }
}
