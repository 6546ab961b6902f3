package io.qserverless.quantum.simulator.internal;

/**
 * In-place statevector kernels over an interleaved (re, im) double array.
 *
 * <p>A kernel acts on the pairs (i0, i1 = i0 | targetBit) whose {@code controlMask} bits are all
 * 1; an uncontrolled single-qubit gate is the case of an empty mask. The k-th such i0 is k with
 * zero bits inserted at the sorted {@code fixed} positions (controls and target), then the
 * control bits set. Each kernel reads and writes only the amplitudes it changes, which is what
 * makes diagonal and controlled gates cheaper than a full pass.
 *
 * <p>The run-walking loop is written out in each kernel on purpose: a shared driver calling the
 * per-amplitude body through a lambda makes that call megamorphic, which measured several times
 * slower than the memory traffic it should be bounded by.
 */
final class Kernels {
  private Kernels() {}

  /** k with a zero bit inserted at each of the ascending positions. */
  static int spread(int k, int[] fixed) {
    if (fixed.length == 1) {
      int low = (1 << fixed[0]) - 1;
      return ((k & ~low) << 1) | (k & low);
    }
    for (int p : fixed) {
      k = ((k >>> p) << (p + 1)) | (k & ((1 << p) - 1));
    }
    return k;
  }

  static int count(int numQubits, int[] fixed) {
    return 1 << (numQubits - fixed.length);
  }

  /**
   * Run structure of the pairs: consecutive k map to i0 that advance by a constant {@code step}
   * (in doubles) until k crosses a multiple of 2^runBits. If the lowest m fixed positions are
   * 0..m-1, i0 skips 2^m amplitudes per k; otherwise it advances by one amplitude. Kernels compute
   * i0 once per run and walk it with a constant stride, keeping bit twiddling out of the hot loop.
   */
  static int step(int[] fixed) {
    return 2 << leading(fixed);
  }

  static int runEnd(int k, int to, int[] fixed) {
    int m = leading(fixed);
    int runBits = m < fixed.length ? fixed[m] - m : 30;
    return Math.min(to, (k | ((1 << runBits) - 1)) + 1);
  }

  private static int leading(int[] fixed) {
    int m = 0;
    while (m < fixed.length && fixed[m] == m) {
      m++;
    }
    return m;
  }

  /** General 2x2 matrix m = [m00, m01; m10, m11], interleaved re/im, row-major. */
  static void general(double[] s, int numQubits, int[] fixed, int controlMask, int target, double[] m) {
    int off = 2 << target;
    double a0 = m[0], a1 = m[1], b0 = m[2], b1 = m[3], c0 = m[4], c1 = m[5], d0 = m[6], d1 = m[7];
    int step = step(fixed);
    Parallel.forRange(count(numQubits, fixed), (from, to) -> {
      for (int k = from; k < to; ) {
        int end = runEnd(k, to, fixed);
        int i0 = 2 * (spread(k, fixed) | controlMask);
        for (int stop = i0 + step * (end - k); i0 < stop; i0 += step) {
          int i1 = i0 + off;
          double xr = s[i0], xi = s[i0 + 1], yr = s[i1], yi = s[i1 + 1];
          s[i0] = a0 * xr - a1 * xi + b0 * yr - b1 * yi;
          s[i0 + 1] = a0 * xi + a1 * xr + b0 * yi + b1 * yr;
          s[i1] = c0 * xr - c1 * xi + d0 * yr - d1 * yi;
          s[i1 + 1] = c0 * xi + c1 * xr + d0 * yi + d1 * yr;
        }
        k = end;
      }
    });
  }

  /** Diagonal diag(d0, d1); phase-like gates (d0 = 1) touch only the i1 half. */
  static void diagonal(double[] s, int numQubits, int[] fixed, int controlMask, int target, double[] m) {
    if (m[0] == 1 && m[1] == 0) {
      phase(s, numQubits, fixed, controlMask | (1 << target), m[6], m[7]);
      return;
    }
    int off = 2 << target;
    double a0 = m[0], a1 = m[1], d0 = m[6], d1 = m[7];
    int step = step(fixed);
    Parallel.forRange(count(numQubits, fixed), (from, to) -> {
      for (int k = from; k < to; ) {
        int end = runEnd(k, to, fixed);
        int i0 = 2 * (spread(k, fixed) | controlMask);
        for (int stop = i0 + step * (end - k); i0 < stop; i0 += step) {
          int i1 = i0 + off;
          double xr = s[i0], xi = s[i0 + 1], yr = s[i1], yi = s[i1 + 1];
          s[i0] = a0 * xr - a1 * xi;
          s[i0 + 1] = a0 * xi + a1 * xr;
          s[i1] = d0 * yr - d1 * yi;
          s[i1 + 1] = d0 * yi + d1 * yr;
        }
        k = end;
      }
    });
  }

  /** Multiplies by (re, im) the amplitudes at spread(k) | setBits. */
  private static void phase(double[] s, int numQubits, int[] fixed, int setBits, double re, double im) {
    int step = step(fixed);
    Parallel.forRange(count(numQubits, fixed), (from, to) -> {
      for (int k = from; k < to; ) {
        int end = runEnd(k, to, fixed);
        int i = 2 * (spread(k, fixed) | setBits);
        for (int stop = i + step * (end - k); i < stop; i += step) {
          double xr = s[i], xi = s[i + 1];
          s[i] = re * xr - im * xi;
          s[i + 1] = re * xi + im * xr;
        }
        k = end;
      }
    });
  }

  /** Anti-diagonal [0, b; c, 0] (X, Y and their controlled forms); a plain swap when b = c = 1. */
  static void antiDiagonal(double[] s, int numQubits, int[] fixed, int controlMask, int target, double[] m) {
    if (m[2] == 1 && m[3] == 0 && m[4] == 1 && m[5] == 0) {
      swap(s, numQubits, fixed, controlMask, target, target);
      return;
    }
    int off = 2 << target;
    double b0 = m[2], b1 = m[3], c0 = m[4], c1 = m[5];
    int step = step(fixed);
    Parallel.forRange(count(numQubits, fixed), (from, to) -> {
      for (int k = from; k < to; ) {
        int end = runEnd(k, to, fixed);
        int i0 = 2 * (spread(k, fixed) | controlMask);
        for (int stop = i0 + step * (end - k); i0 < stop; i0 += step) {
          int i1 = i0 + off;
          double xr = s[i0], xi = s[i0 + 1], yr = s[i1], yi = s[i1 + 1];
          s[i0] = b0 * yr - b1 * yi;
          s[i0 + 1] = b0 * yi + b1 * yr;
          s[i1] = c0 * xr - c1 * xi;
          s[i1 + 1] = c0 * xi + c1 * xr;
        }
        k = end;
      }
    });
  }

  /**
   * Swaps amplitude pairs under the controls: for a != b, |..a=1,b=0..> with |..a=0,b=1..>
   * (SWAP); for a == b, |..a=0..> with |..a=1..> (X).
   */
  static void swap(double[] s, int numQubits, int[] fixed, int controlMask, int a, int b) {
    int first = 2 * (controlMask | (1 << a)) - (a == b ? 2 << a : 0);
    int off = a == b ? 2 << a : (2 << b) - (2 << a);
    int step = step(fixed);
    Parallel.forRange(count(numQubits, fixed), (from, to) -> {
      for (int k = from; k < to; ) {
        int end = runEnd(k, to, fixed);
        int i = 2 * spread(k, fixed) + first;
        for (int stop = i + step * (end - k); i < stop; i += step) {
          int j = i + off;
          double r = s[i], im = s[i + 1];
          s[i] = s[j];
          s[i + 1] = s[j + 1];
          s[j] = r;
          s[j + 1] = im;
        }
        k = end;
      }
    });
  }

  /** A dense 2^k x 2^k matrix (interleaved, row-major) on the given qubits; fixed = sorted qubits. */
  static void dense(double[] s, int numQubits, int[] qubits, int[] fixed, double[] m) {
    int dim = 1 << qubits.length;
    int[] offsets = new int[dim];
    for (int r = 0; r < dim; r++) {
      for (int b = 0; b < qubits.length; b++) {
        if ((r >> b & 1) != 0) {
          offsets[r] |= 1 << qubits[b];
        }
      }
    }
    Parallel.forRange(count(numQubits, fixed), (from, to) -> {
      double[] in = new double[2 * dim];
      for (int k = from; k < to; k++) {
        int base = spread(k, fixed);
        for (int c = 0; c < dim; c++) {
          in[2 * c] = s[2 * (base | offsets[c])];
          in[2 * c + 1] = s[2 * (base | offsets[c]) + 1];
        }
        for (int r = 0; r < dim; r++) {
          double re = 0, im = 0;
          for (int c = 0; c < dim; c++) {
            double mr = m[2 * (r * dim + c)], mi = m[2 * (r * dim + c) + 1];
            re += mr * in[2 * c] - mi * in[2 * c + 1];
            im += mr * in[2 * c + 1] + mi * in[2 * c];
          }
          s[2 * (base | offsets[r])] = re;
          s[2 * (base | offsets[r]) + 1] = im;
        }
      }
    });
  }

  /** Probability that qubit q reads 1. */
  static double probabilityOne(double[] s, int numQubits, int q) {
    int[] fixed = {q};
    int bit = 1 << q;
    return Parallel.sum(count(numQubits, fixed), (from, to) -> {
      double p = 0;
      for (int k = from; k < to; k++) {
        int i1 = 2 * (spread(k, fixed) | bit);
        p += s[i1] * s[i1] + s[i1 + 1] * s[i1 + 1];
      }
      return p;
    });
  }

  /**
   * Projects qubit q onto {@code outcome} (probability p, > 0) and renormalises; with
   * {@code flip} the kept amplitudes move to |0> (a reset after reading 1).
   */
  static void collapse(double[] s, int numQubits, int q, int outcome, double p, boolean flip) {
    int[] fixed = {q};
    int bit = 1 << q;
    double scale = 1 / Math.sqrt(p);
    Parallel.forRange(count(numQubits, fixed), (from, to) -> {
      for (int k = from; k < to; k++) {
        int i0 = 2 * spread(k, fixed);
        int keep = outcome == 0 ? i0 : i0 + 2 * bit;
        int drop = outcome == 0 ? i0 + 2 * bit : i0;
        double re = s[keep] * scale, im = s[keep + 1] * scale;
        s[drop] = 0;
        s[drop + 1] = 0;
        int dest = flip ? drop : keep;
        if (flip) {
          s[keep] = 0;
          s[keep + 1] = 0;
        }
        s[dest] = re;
        s[dest + 1] = im;
      }
    });
  }

  /** Multiplies every amplitude by e^{i phase}. */
  static void globalPhase(double[] s, double phase) {
    double c = Math.cos(phase), sn = Math.sin(phase);
    Parallel.forRange(s.length / 2, (from, to) -> {
      for (int i = 2 * from; i < 2 * to; i += 2) {
        double re = s[i], im = s[i + 1];
        s[i] = re * c - im * sn;
        s[i + 1] = re * sn + im * c;
      }
    });
  }
}
