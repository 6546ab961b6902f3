package io.qserverless.quantum.simulator.internal;

/**
 * In-place statevector kernels over an interleaved (re, im) double array.
 *
 * <p>The 2x2-family kernels act on the pairs (i0, i1 = i0 | targetBit) whose {@code controlMask}
 * bits are all 1 (an uncontrolled gate has an empty mask), walked by {@link PairWalk}. Each reads
 * and writes only the amplitudes it changes, which is what makes diagonal and controlled gates
 * cheaper than a full pass. Uncontrolled diagonal gates need no pairs: {@link DiagonalPass}.
 */
final class Kernels {
  /**
   * True when the JVM runs with {@code --add-modules jdk.incubator.vector}: uncontrolled 2x2 gates
   * then take {@link VectorKernels}, measured 3-4x faster than the scalar loops on cached chunks
   * (the JIT does not vectorise the interleaved complex arithmetic by itself).
   */
  static final boolean SIMD = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

  private Kernels() {}

  /** General 2x2 matrix m = [m00, m01; m10, m11], interleaved re/im, row-major. */
  static void general(
      double[] s, int numQubits, int[] fixed, int controlMask, int target, double[] m) {
    if (SIMD && controlMask == 0 && VectorKernels.fits(numQubits) && (1 << target) < PairWalk.FAR) {
      VectorKernels.general(s, numQubits, target, m);
      return;
    }
    double a0 = m[0], a1 = m[1], b0 = m[2], b1 = m[3], c0 = m[4], c1 = m[5], d0 = m[6], d1 = m[7];
    if (a1 == 0 && b1 == 0 && c1 == 0 && d1 == 0) {
      real(s, numQubits, fixed, controlMask, target, a0, b0, c0, d0);
      return;
    }
    PairWalk.forEachPair(
        s,
        numQubits,
        fixed,
        controlMask,
        1 << target,
        (x, i, y, j, n, step, reps, gap) -> {
          for (int r = 0; r < reps; r++, i += gap, j += gap) {
            for (int k = 0; k < n; k++, i += step, j += step) {
              double xr = x[i], xi = x[i + 1], yr = y[j], yi = y[j + 1];
              x[i] = a0 * xr - a1 * xi + b0 * yr - b1 * yi;
              x[i + 1] = a0 * xi + a1 * xr + b0 * yi + b1 * yr;
              y[j] = c0 * xr - c1 * xi + d0 * yr - d1 * yi;
              y[j + 1] = c0 * xi + c1 * xr + d0 * yi + d1 * yr;
            }
          }
        });
  }

  /** States up to this size take {@link #small}. */
  static final int SMALL_QUBITS = 4;

  /**
   * Any 2x2 matrix under controls on a state of at most 16 amplitudes, by one plain loop: on tiny
   * circuits (the Sampler's common case) the pair walk's set-up cost more than the arithmetic.
   */
  static void small(double[] s, int numQubits, int controlMask, int target, double[] m) {
    int bit = 1 << target;
    for (int i0 = 0; i0 < 1 << numQubits; i0++) {
      if ((i0 & bit) != 0 || (i0 & controlMask) != controlMask) {
        continue;
      }
      int x = 2 * i0, y = 2 * (i0 | bit);
      double xr = s[x], xi = s[x + 1], yr = s[y], yi = s[y + 1];
      s[x] = m[0] * xr - m[1] * xi + m[2] * yr - m[3] * yi;
      s[x + 1] = m[0] * xi + m[1] * xr + m[2] * yi + m[3] * yr;
      s[y] = m[4] * xr - m[5] * xi + m[6] * yr - m[7] * yi;
      s[y + 1] = m[4] * xi + m[5] * xr + m[6] * yi + m[7] * yr;
    }
  }

  /**
   * A real 2x2 matrix (h, ry and their products): the real and imaginary parts transform alike, so
   * a contiguous run is one loop over doubles, half the arithmetic and one the JIT vectorises.
   */
  private static void real(
      double[] s,
      int numQubits,
      int[] fixed,
      int controlMask,
      int target,
      double a,
      double b,
      double c,
      double d) {
    PairWalk.forEachPair(
        s,
        numQubits,
        fixed,
        controlMask,
        1 << target,
        (x, i, y, j, n, step, reps, gap) -> {
          for (int r = 0; r < reps; r++, i += n * step + gap, j += n * step + gap) {
            if (step == 2) {
              combine(x, i, y, j, 2 * n, a, b, c, d);
            } else {
              for (int k = 0; k < n * step; k += step) {
                combine(x, i + k, y, j + k, 2, a, b, c, d);
              }
            }
          }
        });
  }

  /** (x, y) := (a x + b y, c x + d y) over len doubles from x[i] and y[j]. */
  private static void combine(
      double[] x, int i, double[] y, int j, int len, double a, double b, double c, double d) {
    for (int e = 0; e < len; e++) {
      double u = x[i + e], v = y[j + e];
      x[i + e] = a * u + b * v;
      y[j + e] = c * u + d * v;
    }
  }

  /** Diagonal diag(d0, d1); phase-like gates (d0 = 1) touch only the i1 half. */
  static void diagonal(
      double[] s, int numQubits, int[] fixed, int controlMask, int target, double[] m) {
    double a0 = m[0], a1 = m[1], d0 = m[6], d1 = m[7];
    if (controlMask == 0) {
      DiagonalPass.apply(s, target, m);
      return;
    }
    if (a0 == 1 && a1 == 0) {
      // the partner of i1 is itself: a single stream
      PairWalk.forEachPair(
          s,
          numQubits,
          fixed,
          controlMask | (1 << target),
          0,
          (x, i, y, j, n, step, reps, gap) -> {
            for (int r = 0; r < reps; r++, i += gap) {
              for (int k = 0; k < n; k++, i += step) {
                double xr = x[i], xi = x[i + 1];
                x[i] = d0 * xr - d1 * xi;
                x[i + 1] = d0 * xi + d1 * xr;
              }
            }
          });
      return;
    }
    PairWalk.forEachPair(
        s,
        numQubits,
        fixed,
        controlMask,
        1 << target,
        (x, i, y, j, n, step, reps, gap) -> {
          for (int r = 0; r < reps; r++, i += gap, j += gap) {
            for (int k = 0; k < n; k++, i += step, j += step) {
              double xr = x[i], xi = x[i + 1], yr = y[j], yi = y[j + 1];
              x[i] = a0 * xr - a1 * xi;
              x[i + 1] = a0 * xi + a1 * xr;
              y[j] = d0 * yr - d1 * yi;
              y[j + 1] = d0 * yi + d1 * yr;
            }
          }
        });
  }

  /** Anti-diagonal [0, b; c, 0] (X, Y and their controlled forms); a plain swap when b = c = 1. */
  static void antiDiagonal(
      double[] s, int numQubits, int[] fixed, int controlMask, int target, double[] m) {
    double b0 = m[2], b1 = m[3], c0 = m[4], c1 = m[5];
    if (b0 == 1 && b1 == 0 && c0 == 1 && c1 == 0) {
      swap(s, numQubits, fixed, controlMask, target, target);
      return;
    }
    PairWalk.forEachPair(
        s,
        numQubits,
        fixed,
        controlMask,
        1 << target,
        (x, i, y, j, n, step, reps, gap) -> {
          for (int r = 0; r < reps; r++, i += gap, j += gap) {
            for (int k = 0; k < n; k++, i += step, j += step) {
              double xr = x[i], xi = x[i + 1], yr = y[j], yi = y[j + 1];
              x[i] = b0 * yr - b1 * yi;
              x[i + 1] = b0 * yi + b1 * yr;
              y[j] = c0 * xr - c1 * xi;
              y[j + 1] = c0 * xi + c1 * xr;
            }
          }
        });
  }

  /**
   * Swaps amplitude pairs under the controls: for a != b, |..a=1,b=0..> with |..a=0,b=1..> (SWAP);
   * for a == b, |..a=0..> with |..a=1..> (X).
   */
  static void swap(double[] s, int numQubits, int[] fixed, int controlMask, int a, int b) {
    int first = a == b ? controlMask : controlMask | (1 << a);
    int off = a == b ? 1 << a : (1 << b) - (1 << a);
    PairWalk.forEachPair(
        s,
        numQubits,
        fixed,
        first,
        off,
        (x, i, y, j, n, step, reps, gap) -> {
          for (int r = 0; r < reps; r++, i += gap, j += gap) {
            for (int k = 0; k < n; k++, i += step, j += step) {
              double re = x[i], im = x[i + 1];
              x[i] = y[j];
              x[i + 1] = y[j + 1];
              y[j] = re;
              y[j + 1] = im;
            }
          }
        });
  }

  /**
   * A dense 2^k x 2^k matrix (interleaved, row-major) on the given qubits; fixed = sorted qubits.
   */
  static void dense(double[] s, int numQubits, int[] qubits, int[] fixed, double[] m) {
    if (SIMD
        && qubits.length == 2
        && VectorKernels.fits(numQubits)
        && VectorKernels.apart(fixed[0])
        && (1 << fixed[1]) < PairWalk.FAR) {
      VectorKernels.twoQubit(s, numQubits, qubits[0], qubits[1], m);
      return;
    }
    int dim = 1 << qubits.length;
    int[] offsets = new int[dim];
    for (int r = 0; r < dim; r++) {
      for (int b = 0; b < qubits.length; b++) {
        if ((r >> b & 1) != 0) {
          offsets[r] |= 1 << qubits[b];
        }
      }
    }
    Parallel.forRange(
        PairWalk.count(numQubits, fixed),
        (from, to) -> {
          double[] in = new double[2 * dim];
          for (int k = from; k < to; k++) {
            int base = PairWalk.spread(k, fixed);
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

  /** Probability that qubit q reads 1, single precision. */
  static double probabilityOne(float[] f, int numQubits, int q) {
    int[] fixed = {q};
    int bit = 1 << q;
    return Parallel.sum(
        PairWalk.count(numQubits, fixed),
        (from, to) -> {
          double p = 0;
          for (int k = from; k < to; k++) {
            int i1 = 2 * (PairWalk.spread(k, fixed) | bit);
            p += (double) f[i1] * f[i1] + (double) f[i1 + 1] * f[i1 + 1];
          }
          return p;
        });
  }

  /** Probability that qubit q reads 1. */
  static double probabilityOne(double[] s, int numQubits, int q) {
    int[] fixed = {q};
    int bit = 1 << q;
    return Parallel.sum(
        PairWalk.count(numQubits, fixed),
        (from, to) -> {
          double p = 0;
          for (int k = from; k < to; k++) {
            int i1 = 2 * (PairWalk.spread(k, fixed) | bit);
            p += s[i1] * s[i1] + s[i1 + 1] * s[i1 + 1];
          }
          return p;
        });
  }
}
