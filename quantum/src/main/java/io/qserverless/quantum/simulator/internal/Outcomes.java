package io.qserverless.quantum.simulator.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import java.util.random.RandomGenerator;

/**
 * Turns final states into classical outcomes: the clbit integer (bit k = clbit k) that terminal
 * measurements would write, combined with the clbits a branch already holds.
 *
 * <p>An amplitude index maps to its clbit bits through two lookup tables (low and high halves of
 * the index), two loads per amplitude instead of a loop over measured qubits. Exact distributions
 * accumulate in a dense array up to 2^20 outcomes, else in a map of the non-zero outcomes, capped
 * at {@link #MAX_SPARSE} entries.
 */
public final class Outcomes {
  static final int DENSE_CLBITS = 20;
  static final int MAX_SPARSE = 1 << 24;

  private final int half;
  private final int[] low;
  private final int[] high;
  private final int measuredMask;
  private final double[] dense;
  private final Map<Integer, Double> sparse;

  public Outcomes(int numQubits, int numClbits, int[][] terminal) {
    half = numQubits / 2;
    low = table(terminal, 0, half);
    high = table(terminal, half, numQubits - half);
    int mask = 0;
    for (int[] pair : terminal) {
      mask |= 1 << pair[1];
    }
    measuredMask = mask;
    dense = numClbits <= DENSE_CLBITS ? new double[1 << numClbits] : null;
    sparse = dense == null ? new HashMap<>() : null;
  }

  private static int[] table(int[][] terminal, int shift, int bits) {
    int[] t = new int[1 << bits];
    for (int x = 0; x < t.length; x++) {
      for (int[] pair : terminal) {
        int q = pair[0] - shift;
        if (q >= 0 && q < bits && (x >> q & 1) != 0) {
          t[x] |= 1 << pair[1];
        }
      }
    }
    return t;
  }

  private int key(int index, int clbits) {
    return (clbits & ~measuredMask) | low[index & ((1 << half) - 1)] | high[index >>> half];
  }

  /** Adds the branch's outcome probabilities, times its weight. */
  public void add(StateEngine state, int clbits, double weight) {
    state.settle();
    int dim = 1 << state.numQubits();
    for (int i = 0; i < dim; i++) {
      double p = state.probability(i);
      if (p == 0) {
        continue;
      }
      int key = key(i, clbits);
      if (dense != null) {
        dense[key] += weight * p;
      } else {
        sparse.merge(key, weight * p, Double::sum);
        if (sparse.size() > MAX_SPARSE) {
          throw new IllegalStateException(
              "the exact distribution has more than "
                  + MAX_SPARSE
                  + " outcomes: measure fewer qubits or run with shots to sample");
        }
      }
    }
  }

  /** The accumulated distribution, ascending keys, outcomes under {@code tolerance} dropped. */
  public TreeMap<Integer, Double> distribution(double tolerance) {
    TreeMap<Integer, Double> out = new TreeMap<>();
    if (dense != null) {
      for (int k = 0; k < dense.length; k++) {
        if (dense[k] > tolerance) {
          out.put(k, dense[k]);
        }
      }
    } else {
      sparse.forEach(
          (k, p) -> {
            if (p > tolerance) {
              out.put(k, p);
            }
          });
    }
    return out;
  }

  /** Draws {@code shots} outcomes from one final state in a single sweep over its amplitudes. */
  public void sample(
      StateEngine state, int clbits, int shots, RandomGenerator rnd, IntConsumer out) {
    state.settle();
    double[] u = new double[shots];
    for (int j = 0; j < shots; j++) {
      u[j] = rnd.nextDouble();
    }
    Arrays.sort(u);
    int dim = 1 << state.numQubits();
    double cumulative = 0;
    int j = 0;
    int last = 0;
    for (int i = 0; i < dim && j < shots; i++) {
      double p = state.probability(i);
      if (p == 0) {
        continue;
      }
      last = i;
      cumulative += p;
      while (j < shots && u[j] < cumulative) {
        out.accept(key(i, clbits));
        j++;
      }
    }
    // rounding can leave the total a hair under 1: remaining draws go to the last outcome
    for (; j < shots; j++) {
      out.accept(key(last, clbits));
    }
  }
}
