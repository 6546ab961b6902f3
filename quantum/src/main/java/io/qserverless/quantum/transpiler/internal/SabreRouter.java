package io.qserverless.quantum.transpiler.internal;

import io.qserverless.quantum.transpiler.CouplingMap;
import io.qserverless.quantum.transpiler.DagCircuit;
import io.qserverless.quantum.transpiler.Op;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The SABRE swap search (Li, Ding, Xie, ASPLOS 2019): walk the circuit's front layer, run every
 * gate whose qubits are coupled, and otherwise insert the swap that most lowers the summed distance
 * of the front gates plus half the next gates' (lookahead), damped by a decay that spreads swaps
 * over qubits. Ties break by the seeded random source.
 *
 * <p>Ops are on "logical" qubits {@code 0..n-1} (the circuit after layout, n = device size); a
 * mapping {@code l2p} says where each logical qubit currently sits. Shared by routing (which emits
 * the routed circuit) and layout (which only counts swaps and reads the final mapping). Not
 * thread-safe: one instance per run.
 */
public final class SabreRouter {
  private static final int EXTENDED_SET_SIZE = 20;
  private static final double EXTENDED_WEIGHT = 0.5;
  private static final double DECAY_STEP = 0.001;
  private static final int DECAY_RESET = 5;

  /** The routing result; {@code routed} is null when not asked for. */
  public record Result(DagCircuit routed, int swaps, int[] finalMapping) {}

  private final CouplingMap coupling;
  // Scratch for the lookahead walk, reused across calls: seen[i] == stamp marks op i visited.
  private int[] seen = new int[0];
  private int[] queue = new int[0];
  private int stamp;
  private final List<Op> extended = new ArrayList<>();

  public SabreRouter(CouplingMap coupling) {
    this.coupling = coupling;
  }

  /**
   * Routes {@code dag} starting from {@code initialL2p} (logical → physical).
   *
   * @param emit whether to build the routed circuit (physical qubits, swaps as {@code swap} ops)
   */
  public Result route(DagCircuit dag, int[] initialL2p, Random random, boolean emit) {
    int n = coupling.numQubits();
    List<Op> ops = dag.ops();
    int m = ops.size();
    int[][] succ = new int[m][];
    int[] pending = new int[m];
    if (seen.length < m) {
      seen = new int[m];
      queue = new int[m];
      stamp = 0;
    }
    buildDependencies(ops, dag.numQubits(), dag.numClbits(), succ, pending);

    int[] l2p = initialL2p.clone();
    int[] p2l = new int[n];
    for (int l = 0; l < n; l++) {
      p2l[l2p[l]] = l;
    }
    DagCircuit out = emit ? dag.copyEmpty(n) : null;
    List<Integer> front = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      if (pending[i] == 0) {
        front.add(i);
      }
    }
    double[] decay = new double[n];
    Arrays.fill(decay, 1);
    int swaps = 0;
    int swapsSinceProgress = 0;
    int[] bestSwap = new int[2];
    while (!front.isEmpty()) {
      boolean progressed = false;
      for (int k = 0; k < front.size(); k++) {
        int i = front.get(k);
        Op op = ops.get(i);
        if (op.needsCoupling() && !coupling.areAdjacent(l2p[op.qubit(0)], l2p[op.qubit(1)])) {
          continue;
        }
        if (emit) {
          out.add(op.remap(l2p));
        }
        front.remove(k--);
        for (int s : succ[i]) {
          if (--pending[s] == 0) {
            front.add(s);
          }
        }
        progressed = true;
      }
      if (progressed) {
        swapsSinceProgress = 0;
        Arrays.fill(decay, 1);
        continue;
      }
      if (swapsSinceProgress > 3 * n) {
        // Release valve: the heuristic is cycling; walk the nearest front gate together.
        int[] path = nearestFrontPath(ops, front, l2p);
        for (int j = 0; j + 2 < path.length; j++) {
          applySwap(path[j], path[j + 1], l2p, p2l, out);
          swaps++;
        }
        swapsSinceProgress = 0;
        continue;
      }
      chooseSwap(ops, front, succ, l2p, p2l, decay, random, bestSwap);
      applySwap(bestSwap[0], bestSwap[1], l2p, p2l, out);
      swaps++;
      swapsSinceProgress++;
      decay[bestSwap[0]] += DECAY_STEP;
      decay[bestSwap[1]] += DECAY_STEP;
      if (swapsSinceProgress % DECAY_RESET == 0) {
        Arrays.fill(decay, 1);
      }
    }
    return new Result(out, swaps, l2p);
  }

  private static void buildDependencies(
      List<Op> ops, int numQubits, int numClbits, int[][] succ, int[] pending) {
    int m = ops.size();
    int[] lastQ = new int[numQubits];
    int[] lastC = new int[numClbits];
    Arrays.fill(lastQ, -1);
    Arrays.fill(lastC, -1);
    int[][] lists = new int[m][];
    int[] sizes = new int[m];
    for (int i = 0; i < m; i++) {
      Op op = ops.get(i);
      for (int q : op.qubits()) {
        link(lastQ[q], i, lists, sizes, pending);
        lastQ[q] = i;
      }
      for (int c : op.clbits()) {
        link(lastC[c], i, lists, sizes, pending);
        lastC[c] = i;
      }
      if (op.condition() != null) {
        for (int c : op.condition().clbits()) {
          link(lastC[c], i, lists, sizes, pending);
          lastC[c] = i;
        }
      }
    }
    for (int i = 0; i < m; i++) {
      succ[i] = lists[i] == null ? new int[0] : Arrays.copyOf(lists[i], sizes[i]);
    }
  }

  private static void link(int from, int to, int[][] lists, int[] sizes, int[] pending) {
    if (from < 0) {
      return;
    }
    int[] l = lists[from];
    for (int k = 0; k < sizes[from]; k++) {
      if (l[k] == to) {
        return;
      }
    }
    if (l == null) {
      l = lists[from] = new int[4];
    } else if (sizes[from] == l.length) {
      l = lists[from] = Arrays.copyOf(l, l.length * 2);
    }
    l[sizes[from]++] = to;
    pending[to]++;
  }

  private void chooseSwap(
      List<Op> ops,
      List<Integer> front,
      int[][] succ,
      int[] l2p,
      int[] p2l,
      double[] decay,
      Random random,
      int[] best) {
    List<Op> extended = extendedSet(ops, front, succ);
    double bestScore = Double.MAX_VALUE;
    int ties = 0;
    for (int i : front) {
      Op op = ops.get(i);
      if (!op.needsCoupling()) {
        continue;
      }
      for (int lq : op.qubits()) {
        int p = l2p[lq];
        for (int r : coupling.neighbors(p)) {
          // Swap p<->r: evaluate with the mapping temporarily changed.
          swapMapping(p, r, l2p, p2l);
          double score =
              Math.max(decay[p], decay[r])
                  * (cost(ops, front, l2p) / countTwoQubit(ops, front)
                      + (extended.isEmpty()
                          ? 0
                          : EXTENDED_WEIGHT * costOf(extended, l2p) / extended.size()));
          swapMapping(p, r, l2p, p2l);
          if (score < bestScore - 1e-12) {
            bestScore = score;
            best[0] = p;
            best[1] = r;
            ties = 1;
          } else if (Math.abs(score - bestScore) <= 1e-12 && random.nextInt(++ties) == 0) {
            best[0] = p;
            best[1] = r;
          }
        }
      }
    }
  }

  private List<Op> extendedSet(List<Op> ops, List<Integer> front, int[][] succ) {
    extended.clear();
    stamp++;
    int tail = 0;
    for (int i : front) {
      seen[i] = stamp;
      queue[tail++] = i;
    }
    for (int h = 0; h < tail && extended.size() < EXTENDED_SET_SIZE; h++) {
      for (int s : succ[queue[h]]) {
        if (seen[s] != stamp) {
          seen[s] = stamp;
          queue[tail++] = s;
          if (ops.get(s).needsCoupling()) {
            extended.add(ops.get(s));
          }
        }
      }
    }
    return extended;
  }

  private double cost(List<Op> ops, List<Integer> front, int[] l2p) {
    double sum = 0;
    for (int i : front) {
      Op op = ops.get(i);
      if (op.needsCoupling()) {
        sum += coupling.distance(l2p[op.qubit(0)], l2p[op.qubit(1)]);
      }
    }
    return sum;
  }

  private static int countTwoQubit(List<Op> ops, List<Integer> front) {
    int n = 0;
    for (int i : front) {
      if (ops.get(i).needsCoupling()) {
        n++;
      }
    }
    return Math.max(n, 1);
  }

  private double costOf(List<Op> gates, int[] l2p) {
    double sum = 0;
    for (Op op : gates) {
      sum += coupling.distance(l2p[op.qubit(0)], l2p[op.qubit(1)]);
    }
    return sum;
  }

  private int[] nearestFrontPath(List<Op> ops, List<Integer> front, int[] l2p) {
    int[] best = null;
    for (int i : front) {
      Op op = ops.get(i);
      if (op.needsCoupling()) {
        int[] path = coupling.shortestPath(l2p[op.qubit(0)], l2p[op.qubit(1)]);
        if (best == null || path.length < best.length) {
          best = path;
        }
      }
    }
    return best;
  }

  private static void swapMapping(int p, int r, int[] l2p, int[] p2l) {
    int lp = p2l[p];
    int lr = p2l[r];
    p2l[p] = lr;
    p2l[r] = lp;
    l2p[lp] = r;
    l2p[lr] = p;
  }

  private static void applySwap(int p, int r, int[] l2p, int[] p2l, DagCircuit out) {
    swapMapping(p, r, l2p, p2l);
    if (out != null) {
      out.add(Op.twoQubit("swap", p, r));
    }
  }
}
