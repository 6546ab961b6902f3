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
    if (SIMD && controlMask == 0 && VectorKernels.fits(numQubits)) {
      VectorKernels.general(s, numQubits, target, m);
      return;
    }
    double a0 = m[0], a1 = m[1], b0 = m[2], b1 = m[3], c0 = m[4], c1 = m[5], d0 = m[6], d1 = m[7];
    if (a1 == 0 && b1 == 0 && c1 == 0 && d1 == 0) {
      real(s, numQubits, fixed, controlMask, target, a0, b0, c0, d0);
      return;
    }
    PairWalk.forEachPair(
        numQubits,
        fixed,
        controlMask,
        1 << target,
        (i, j, n, step, reps, gap) -> {
          for (int r = 0; r < reps; r++, i += gap, j += gap) {
            for (int k = 0; k < n; k++, i += step, j += step) {
              double xr = s[i], xi = s[i + 1], yr = s[j], yi = s[j + 1];
              s[i] = a0 * xr - a1 * xi + b0 * yr - b1 * yi;
              s[i + 1] = a0 * xi + a1 * xr + b0 * yi + b1 * yr;
              s[j] = c0 * xr - c1 * xi + d0 * yr - d1 * yi;
              s[j + 1] = c0 * xi + c1 * xr + d0 * yi + d1 * yr;
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
        numQubits,
        fixed,
        controlMask,
        1 << target,
        (i, j, n, step, reps, gap) -> {
          for (int r = 0; r < reps; r++, i += n * step + gap, j += n * step + gap) {
            if (step == 2) {
              combine(s, i, j, 2 * n, a, b, c, d);
            } else {
              for (int k = 0; k < n * step; k += step) {
                combine(s, i + k, j + k, 2, a, b, c, d);
              }
            }
          }
        });
  }

  /** (x, y) := (a x + b y, c x + d y) over len doubles x from s[i] and y from s[j]. */
  private static void combine(
      double[] s, int i, int j, int len, double a, double b, double c, double d) {
    for (int e = 0; e < len; e++) {
      double u = s[i + e], v = s[j + e];
      s[i + e] = a * u + b * v;
      s[j + e] = c * u + d * v;
    }
  }

  /** Diagonal diag(d0, d1); phase-like gates (d0 = 1) touch only the i1 half. */
  static void diagonal(
      double[] s, int numQubits, int[] fixed, int controlMask, int target, double[] m) {
    double a0 = m[0], a1 = m[1], d0 = m[6], d1 = m[7];
    if (controlMask == 0) {
      // vectors win on a cached chunk (0.23-0.27 vs 0.49-0.81 ns per amplitude at 15 qubits);
      // streaming a whole large state the scalar pass measured faster (0.8 vs 1.1 at 24 qubits)
      if (SIMD && VectorKernels.fits(numQubits) && numQubits <= StateEngine.CHUNK_QUBITS) {
        VectorKernels.diagonal(s, numQubits, target, m);
      } else {
        DiagonalPass.apply(s, target, m);
      }
      return;
    }
    if (a0 == 1 && a1 == 0) {
      // the partner of i1 is itself: a single stream
      PairWalk.forEachPair(
          numQubits,
          fixed,
          controlMask | (1 << target),
          0,
          (i, j, n, step, reps, gap) -> {
            for (int r = 0; r < reps; r++, i += gap) {
              for (int k = 0; k < n; k++, i += step) {
                double xr = s[i], xi = s[i + 1];
                s[i] = d0 * xr - d1 * xi;
                s[i + 1] = d0 * xi + d1 * xr;
              }
            }
          });
      return;
    }
    monomial(s, numQubits, fixed, controlMask, target, a0, a1, d0, d1, false);
  }

  /** Anti-diagonal [0, b; c, 0] (X, Y and their controlled forms); a plain swap when b = c = 1. */
  static void antiDiagonal(
      double[] s, int numQubits, int[] fixed, int controlMask, int target, double[] m) {
    double b0 = m[2], b1 = m[3], c0 = m[4], c1 = m[5];
    if (b0 == 1 && b1 == 0 && c0 == 1 && c1 == 0) {
      swap(s, numQubits, fixed, controlMask, target, target);
      return;
    }
    monomial(s, numQubits, fixed, controlMask, target, b0, b1, c0, c1, true);
  }

  /**
   * The pairs (x, y) of a matrix with one entry per row: diag(p, q), or [0, p; q, 0] when {@code
   * crossed} (x := p y, y := q x).
   */
  private static void monomial(
      double[] s,
      int numQubits,
      int[] fixed,
      int controlMask,
      int target,
      double p0,
      double p1,
      double q0,
      double q1,
      boolean crossed) {
    PairWalk.forEachPair(
        numQubits,
        fixed,
        controlMask,
        1 << target,
        (i, j, n, step, reps, gap) -> {
          for (int r = 0; r < reps; r++, i += gap, j += gap) {
            for (int k = 0; k < n; k++, i += step, j += step) {
              int from = crossed ? j : i, to = crossed ? i : j;
              double ur = s[from], ui = s[from + 1], vr = s[to], vi = s[to + 1];
              s[i] = p0 * ur - p1 * ui;
              s[i + 1] = p0 * ui + p1 * ur;
              s[j] = q0 * vr - q1 * vi;
              s[j + 1] = q0 * vi + q1 * vr;
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
        numQubits,
        fixed,
        first,
        off,
        (i, j, n, step, reps, gap) -> {
          for (int r = 0; r < reps; r++, i += gap, j += gap) {
            for (int k = 0; k < n; k++, i += step, j += step) {
              double re = s[i], im = s[i + 1];
              s[i] = s[j];
              s[i + 1] = s[j + 1];
              s[j] = re;
              s[j + 1] = im;
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
        && VectorKernels.apart(fixed[0])) {
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
