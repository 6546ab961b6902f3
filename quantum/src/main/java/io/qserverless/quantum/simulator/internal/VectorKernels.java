package io.qserverless.quantum.simulator.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Uncontrolled gates with the JDK Vector API (a 2x2, a 4x4 on two qubits, a diagonal): each vector
 * holds L/2 interleaved complex amplitudes (4 with AVX-512 here), and a complex product is two
 * fused multiply-adds over the vector and its re/im-swapped copy, so a pair of vectors costs 8
 * multiply-adds and 2 shuffles where the scalar loop spends 16 multiply-adds per amplitude pair.
 * Targets inside one vector pair each lane with a shuffled copy of the same vector.
 *
 * <p>Measured here (AVX-512, 2^15-amplitude chunks in cache, one thread): 0.4-0.7 ns per amplitude
 * per gate against 1.8-3.1 ns for the scalar complex loop.
 *
 * <p>Only loaded when the {@code jdk.incubator.vector} module is present ({@link Kernels#SIMD} is
 * decided without touching this class's vector types); otherwise the scalar kernels run.
 */
final class VectorKernels {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

  /** Doubles and amplitudes per vector. */
  private static final int L = S.length();

  private static final int A = L / 2;
  private static final VectorShuffle<Double> SWAP_RE_IM = VectorShuffle.fromOp(S, i -> i ^ 1);

  private VectorKernels() {}

  /**
   * States from 2^6 amplitudes take the vector kernel: on tiny states the scalar loop is as fast,
   * and it does not wait for the JIT (before C2 compiles them, vector operations allocate).
   */
  static final int MIN_QUBITS = 6;

  /** True if a state of {@code n} qubits takes the vector kernel. */
  static boolean fits(int n) {
    return n >= MIN_QUBITS && (1 << n) >= 2 * A;
  }

  /** m = [m00, m01; m10, m11] interleaved, applied to qubit {@code target} of the whole array. */
  static void general(double[] s, int n, int target, double[] m) {
    if ((1 << target) >= A) {
      apart(s, n, target, m);
    } else {
      within(s, n, target, m);
    }
  }

  /** Partners in different vectors: x and y vectors 2^target amplitudes apart. */
  private static void apart(double[] s, int n, int target, double[] m) {
    if (m[1] == 0 && m[3] == 0 && m[5] == 0 && m[7] == 0) {
      apartReal(s, n, target, m);
      return;
    }
    DoubleVector ar = DoubleVector.broadcast(S, m[0]), ai = alternating(m[1]);
    DoubleVector br = DoubleVector.broadcast(S, m[2]), bi = alternating(m[3]);
    DoubleVector cr = DoubleVector.broadcast(S, m[4]), ci = alternating(m[5]);
    DoubleVector dr = DoubleVector.broadcast(S, m[6]), di = alternating(m[7]);
    int low = (1 << target) - 1;
    int off = 2 << target;
    // one lambda per variant: a shared one, compiled while only real matrices came, ran 3x slower
    // after
    Parallel.forRange(
        (1 << (n - 1)) / A,
        (from, to) -> {
          for (int k = from; k < to; k++) {
            int p = k * A;
            int i = 2 * (((p & ~low) << 1) | (p & low));
            DoubleVector x = DoubleVector.fromArray(S, s, i),
                y = DoubleVector.fromArray(S, s, i + off);
            DoubleVector xs = x.rearrange(SWAP_RE_IM), ys = y.rearrange(SWAP_RE_IM);
            x.fma(ar, xs.fma(ai, y.fma(br, ys.mul(bi)))).intoArray(s, i);
            x.fma(cr, xs.fma(ci, y.fma(dr, ys.mul(di)))).intoArray(s, i + off);
          }
        });
  }

  /** A real matrix (h, ry): real and imaginary parts transform alike, no shuffles. */
  private static void apartReal(double[] s, int n, int target, double[] m) {
    DoubleVector a = DoubleVector.broadcast(S, m[0]), b = DoubleVector.broadcast(S, m[2]);
    DoubleVector c = DoubleVector.broadcast(S, m[4]), d = DoubleVector.broadcast(S, m[6]);
    int low = (1 << target) - 1;
    int off = 2 << target;
    Parallel.forRange(
        (1 << (n - 1)) / A,
        (from, to) -> {
          for (int k = from; k < to; k++) {
            int p = k * A;
            int i = 2 * (((p & ~low) << 1) | (p & low));
            DoubleVector x = DoubleVector.fromArray(S, s, i),
                y = DoubleVector.fromArray(S, s, i + off);
            x.fma(a, y.mul(b)).intoArray(s, i);
            x.fma(c, y.mul(d)).intoArray(s, i + off);
          }
        });
  }

  /** Partners in the same vector: each lane combines with the lane 2^target amplitudes over. */
  private static void within(double[] s, int n, int target, double[] m) {
    VectorShuffle<Double> partner = VectorShuffle.fromOp(S, i -> i ^ (2 << target));
    VectorShuffle<Double> partnerSwapped = VectorShuffle.fromOp(S, i -> i ^ (2 << target) ^ 1);
    // lanes of amplitudes with the target bit 0 take row 0 (m00 self, m01 partner), others row 1
    double[] selfR = new double[L],
        selfI = new double[L],
        partR = new double[L],
        partI = new double[L];
    for (int lane = 0; lane < L; lane++) {
      boolean one = ((lane >> 1) >> target & 1) != 0;
      double sign = (lane & 1) == 0 ? -1 : 1;
      selfR[lane] = one ? m[6] : m[0];
      selfI[lane] = sign * (one ? m[7] : m[1]);
      partR[lane] = one ? m[4] : m[2];
      partI[lane] = sign * (one ? m[5] : m[3]);
    }
    DoubleVector sr = DoubleVector.fromArray(S, selfR, 0), si = DoubleVector.fromArray(S, selfI, 0);
    DoubleVector pr = DoubleVector.fromArray(S, partR, 0), pi = DoubleVector.fromArray(S, partI, 0);
    // a real matrix (h on qubit 0) needs one shuffle per vector instead of three
    boolean real = m[1] == 0 && m[3] == 0 && m[5] == 0 && m[7] == 0;
    Parallel.forRange(
        (1 << n) / A,
        (from, to) -> {
          for (int k = from; k < to; k++) {
            int i = k * L;
            DoubleVector v = DoubleVector.fromArray(S, s, i);
            DoubleVector crossed = v.rearrange(partner).mul(pr);
            if (!real) {
              crossed =
                  v.rearrange(SWAP_RE_IM).fma(si, v.rearrange(partnerSwapped).fma(pi, crossed));
            }
            v.fma(sr, crossed).intoArray(s, i);
          }
        });
  }

  /**
   * An uncontrolled diagonal gate, diag(m00, m11), in address order: one complex product per
   * vector. Below a vector's width the factors alternate within each vector, the same for all;
   * above, each vector lies in one block of 2^target amplitudes and takes its block's factor.
   */
  static void diagonal(double[] s, int n, int target, double[] m) {
    int shift = Integer.numberOfTrailingZeros(A);
    boolean perVector = target >= shift;
    DoubleVector[] re = new DoubleVector[2], im = new DoubleVector[2];
    for (int half = 0; half < 2; half++) {
      double[] r = new double[L], i = new double[L];
      for (int lane = 0; lane < L; lane++) {
        int bit = perVector ? half : (lane >> 1) >> target & 1;
        r[lane] = m[6 * bit];
        i[lane] = ((lane & 1) == 0 ? -1 : 1) * m[6 * bit + 1];
      }
      re[half] = DoubleVector.fromArray(S, r, 0);
      im[half] = DoubleVector.fromArray(S, i, 0);
    }
    // vectors per block of one factor
    int block = perVector ? 1 << (target - shift) : 1 << 30;
    Parallel.forRange(
        (1 << n) / A,
        (from, to) -> {
          if (block <= 2) {
            // blocks of one or two vectors: four vectors at a time, each with its factor held
            // (ranges start at multiples of four vectors)
            DoubleVector ra = re[0], ia = im[0], rd = re[1], id = im[1];
            DoubleVector rb = block == 1 ? rd : ra, ib = block == 1 ? id : ia;
            DoubleVector rc = block == 1 ? ra : rd, ic = block == 1 ? ia : id;
            for (int k = from; k < to; k += 4) {
              scale(s, k * L, ra, ia);
              scale(s, (k + 1) * L, rb, ib);
              scale(s, (k + 2) * L, rc, ic);
              scale(s, (k + 3) * L, rd, id);
            }
            return;
          }
          for (int k = from; k < to; ) {
            int end = (int) Math.min(to, ((long) k | (block - 1)) + 1);
            int half = (k & block) == 0 ? 0 : 1;
            DoubleVector r = re[half], i = im[half];
            for (; k < end; k++) {
              scale(s, k * L, r, i);
            }
          }
        });
  }

  /** The amplitudes of the vector at s[at] times (re + i im) lane by lane. */
  private static void scale(double[] s, int at, DoubleVector re, DoubleVector im) {
    DoubleVector v = DoubleVector.fromArray(S, s, at);
    v.fma(re, v.rearrange(SWAP_RE_IM).mul(im)).intoArray(s, at);
  }

  /** True if a qubit's partners lie in other vectors (2^q amplitudes or more apart). */
  static boolean apart(int q) {
    return (1 << q) >= A;
  }

  /**
   * A 4x4 matrix (row-major interleaved, row index bit(q0) + 2 bit(q1)) on two qubits whose
   * partners both lie in other vectors: four vectors in, four out, 32 multiply-adds, the same
   * arithmetic as two 2x2 gates with half the loads and stores.
   */
  static void twoQubit(double[] s, int n, int q0, int q1, double[] m) {
    // entry e's real part broadcast at 2eL, its signed imaginary part at (2e+1)L: loaded in the
    // loop (from L1) rather than held as 32 vector objects
    double[] c = new double[32 * L];
    for (int e = 0; e < 16; e++) {
      for (int lane = 0; lane < L; lane++) {
        c[2 * e * L + lane] = m[2 * e];
        c[(2 * e + 1) * L + lane] = (lane & 1) == 0 ? -m[2 * e + 1] : m[2 * e + 1];
      }
    }
    int lo = Math.min(q0, q1), hi = Math.max(q0, q1);
    int lowMask = (1 << lo) - 1, midMask = (1 << hi) - 1;
    int o1 = 2 << q0, o2 = 2 << q1;
    Parallel.forRange(
        (1 << (n - 2)) / A,
        (from, to) -> {
          for (int k = from; k < to; k++) {
            int p = k * A;
            // p with zero bits inserted at lo, then at hi
            int t = ((p & ~lowMask) << 1) | (p & lowMask);
            int i = 2 * (((t & ~midMask) << 1) | (t & midMask));
            DoubleVector x0 = DoubleVector.fromArray(S, s, i),
                x1 = DoubleVector.fromArray(S, s, i + o1);
            DoubleVector x2 = DoubleVector.fromArray(S, s, i + o2),
                x3 = DoubleVector.fromArray(S, s, i + o1 + o2);
            DoubleVector s0 = x0.rearrange(SWAP_RE_IM), s1 = x1.rearrange(SWAP_RE_IM);
            DoubleVector s2 = x2.rearrange(SWAP_RE_IM), s3 = x3.rearrange(SWAP_RE_IM);
            // written out: a helper taking the eight vectors was not inlined and boxed them (4.5x
            // slower)
            for (int r = 0, at = i; r < 4; r++, at = i + (r & 1) * o1 + (r >> 1) * o2) {
              int e = 8 * r * L;
              x0.fma(
                      DoubleVector.fromArray(S, c, e),
                      s0.fma(
                          DoubleVector.fromArray(S, c, e + L),
                          x1.fma(
                              DoubleVector.fromArray(S, c, e + 2 * L),
                              s1.fma(
                                  DoubleVector.fromArray(S, c, e + 3 * L),
                                  x2.fma(
                                      DoubleVector.fromArray(S, c, e + 4 * L),
                                      s2.fma(
                                          DoubleVector.fromArray(S, c, e + 5 * L),
                                          x3.fma(
                                              DoubleVector.fromArray(S, c, e + 6 * L),
                                              s3.mul(DoubleVector.fromArray(S, c, e + 7 * L)))))))))
                  .intoArray(s, at);
            }
          }
        });
  }

  /** (-x, x, -x, x, ...): the imaginary part's signs in a product with a re/im-swapped vector. */
  private static DoubleVector alternating(double x) {
    double[] v = new double[L];
    for (int lane = 0; lane < L; lane++) {
      v[lane] = (lane & 1) == 0 ? -x : x;
    }
    return DoubleVector.fromArray(S, v, 0);
  }
}
