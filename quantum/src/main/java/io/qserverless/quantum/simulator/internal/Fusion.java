package io.qserverless.quantum.simulator.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Gate fusion inside a sweep: pairs of single-qubit gates on different qubits become one 4x4 step.
 * The cost model, per amplitude: a k-qubit block costs 2^(k+2) real multiply-adds, k separate 2x2
 * gates 8k, and in a cached chunk a pass costs loads and stores, not DRAM traffic. So k = 2 keeps
 * the arithmetic (16 either way) and halves the chunk passes and shuffles, while k = 3 already
 * costs 32 against 24: blocks stop at two qubits. Only with the vector kernel (the scalar dense
 * kernel is slower than two 2x2 ones) and on qubits from 2 up, whose partners lie in other vectors.
 * Diagonal gates on the pair that follow it (the cz of a u3 + cz layer) are multiplied into the
 * block.
 */
final class Fusion {
  /** Steps looked at for a partner. */
  static final int LOOKAHEAD = 64;

  private Fusion() {}

  /** The steps with fusable pairs merged, each at the place of its first gate. */
  static List<Step> pairs(List<Step> steps) {
    if (!Kernels.SIMD || steps.size() < 2) {
      return steps;
    }
    List<Step> out = new ArrayList<>(steps.size());
    boolean[] moved = new boolean[steps.size()];
    for (int i = 0; i < steps.size(); i++) {
      if (moved[i]) {
        continue;
      }
      Step first = steps.get(i);
      int j = fusable(first) ? partner(steps, moved, i) : -1;
      if (j < 0) {
        out.add(first);
        continue;
      }
      Step second = steps.get(j);
      moved[j] = true;
      double[] block = tensor(second.m, first.m);
      // diagonal gates on the pair right after it (cz in a layer of u3 + cz) join the block
      int pair = (1 << first.a) | (1 << second.a);
      for (int k = j + 1; k < steps.size() && !moved[k] && isDiagonalOn(steps.get(k), pair); k++) {
        moved[k] = true;
        scaleRows(block, steps.get(k), first.a, second.a);
      }
      out.add(Step.dense(new int[] {first.a, second.a}, block));
    }
    return out;
  }

  private static boolean fusable(Step s) {
    return s.kind == Step.Kind.ONE && s.controls == 0 && s.pairing != 0 && s.a >= 2;
  }

  /**
   * The next fusable gate on another qubit that may move up to step i: nothing in between touches
   * its qubit, and nothing in between touches step i's qubit before it is found.
   */
  private static int partner(List<Step> steps, boolean[] moved, int i) {
    int a = steps.get(i).a;
    int blocked = 0;
    for (int j = i + 1; j < Math.min(steps.size(), i + LOOKAHEAD); j++) {
      if (moved[j]) {
        continue;
      }
      Step t = steps.get(j);
      if (fusable(t) && t.a != a && (blocked >> t.a & 1) == 0) {
        return j;
      }
      if ((t.touched >> a & 1) != 0) {
        return -1;
      }
      blocked |= t.touched;
    }
    return -1;
  }

  private static boolean isDiagonalOn(Step s, int pair) {
    return s.kind == Step.Kind.ONE && s.pairing == 0 && (s.touched & ~pair) == 0;
  }

  /** block := d · block for the diagonal step d; row bit 0 is qubit q0, bit 1 qubit q1. */
  private static void scaleRows(double[] block, Step d, int q0, int q1) {
    for (int row = 0; row < 4; row++) {
      int index = ((row & 1) << q0) | ((row >> 1) << q1);
      if ((index & d.controls) != d.controls) {
        continue;
      }
      int f = (index >> d.a & 1) == 0 ? 0 : 6;
      double fr = d.m[f], fi = d.m[f + 1];
      for (int col = 0; col < 4; col++) {
        int e = 2 * (4 * row + col);
        double re = block[e], im = block[e + 1];
        block[e] = fr * re - fi * im;
        block[e + 1] = fr * im + fi * re;
      }
    }
  }

  /** high ⊗ low as a 4x4 (row index bit(low) + 2 bit(high)), interleaved row-major. */
  static double[] tensor(double[] high, double[] low) {
    double[] r = new double[32];
    for (int row = 0; row < 4; row++) {
      for (int col = 0; col < 4; col++) {
        int h = 2 * (2 * (row >> 1) + (col >> 1)), l = 2 * (2 * (row & 1) + (col & 1));
        r[2 * (4 * row + col)] = high[h] * low[l] - high[h + 1] * low[l + 1];
        r[2 * (4 * row + col) + 1] = high[h] * low[l + 1] + high[h + 1] * low[l];
      }
    }
    return r;
  }
}
