package io.qserverless.quantum.simulator.internal;

/**
 * Walks the amplitude pairs a gate acts on, in runs the kernels process with a constant stride.
 *
 * <p>The pairs are (i0, i0 + off) for i0 = spread(k) | setBits: k with a zero inserted at each
 * sorted {@code fixed} position (controls and target), then the control bits set. Consecutive k
 * give i0 advancing by a constant step until k crosses a multiple of 2^runBits, so the walk calls
 * the kernel once per run, not per pair (keeping bit twiddling and the virtual call out of the hot
 * loop), and splits the k range into parallel chunks.
 *
 * <p>When the partner is far (≥ 2^20 amplitudes away) the two streams sit a large power of two
 * apart, which maps them onto the same DRAM banks: alternating between them cost up to 4x on the
 * top qubits of a 26-qubit state (measured). There the walk copies a block of the far half into
 * a small buffer, runs the kernel on (near, buffer), and copies the block back, so memory sees
 * long bursts from one row at a time. This applies to runs with a stride of up to 4 amplitudes
 * (controls on qubits 0 and 1 at most); beyond that the copied span would be mostly untouched.
 */
final class PairWalk {
  /** Pairs per buffered block (32 KiB of doubles at stride 1, within L1/L2); 512..8192 measured alike. */
  static final int BLOCK = 2048;
  static final int FAR = 1 << 20;

  /** A kernel body over n pairs (x[i], y[j]), advancing i and j by {@code step} doubles. */
  interface Pairs {
    void apply(double[] x, int i, double[] y, int j, int n, int step);
  }

  private PairWalk() {}

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
   * Applies {@code body} to every pair (spread(k) | setBits, + offAmps) for k in 0..count.
   * If the lowest m fixed positions are 0..m-1, i0 skips 2^m amplitudes per k, else one.
   */
  static void forEachPair(double[] s, int numQubits, int[] fixed, int setBits, int offAmps, Pairs body) {
    int m = 0;
    while (m < fixed.length && fixed[m] == m) {
      m++;
    }
    int step = 2 << m;
    int runMask = (1 << (m < fixed.length ? fixed[m] - m : 30)) - 1;
    int off = 2 * offAmps;
    boolean far = step <= 8 && Math.abs(offAmps) >= FAR;
    Parallel.forRange(count(numQubits, fixed), (from, to) -> {
      double[] buf = far ? new double[step * BLOCK] : null;
      for (int k = from; k < to; ) {
        int end = Math.min(to, (k | runMask) + 1);
        int i0 = 2 * (spread(k, fixed) | setBits);
        if (far) {
          for (int done = 0; done < end - k; done += BLOCK) {
            int n = Math.min(BLOCK, end - k - done);
            int i = i0 + step * done;
            // the span between strided partners is copied too, and back unchanged: this gate
            // does not touch those amplitudes, so no other chunk writes them meanwhile
            int len = (n - 1) * step + 2;
            System.arraycopy(s, i + off, buf, 0, len);
            body.apply(s, i, buf, 0, n, step);
            System.arraycopy(buf, 0, s, i + off, len);
          }
        } else {
          body.apply(s, i0, s, i0 + off, end - k, step);
        }
        k = end;
      }
    });
  }
}
