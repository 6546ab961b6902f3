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
 * <p>When the partner is far (≥ 2^24 amplitudes, 256 MiB, away) the two streams sit a large power
 * of two apart, which maps them onto the same DRAM banks: alternating between them cost 5-8x on the
 * top two qubits of a 26-qubit state, while 2^23 apart still ran at full speed (measured on the
 * build machine; the threshold depends on the memory controller's address mapping). There the walk
 * copies a block of the far half into a small buffer, runs the kernel on (near, buffer), and copies
 * the block back, so memory sees long bursts from one row at a time. This applies to runs with a
 * stride of up to 4 amplitudes (controls on qubits 0 and 1 at most); beyond that the copied span
 * would be mostly untouched.
 */
final class PairWalk {
  /**
   * Doubles per buffered block: 8 KiB, so near, far and buffer lines all stay in L1 (4 KiB to 512
   * KiB measured; 8 KiB best).
   */
  static final int BUFFER = 1024;

  /** Doubles the buffer copy's start may move by (4 KiB). */
  static final int ROTATION = 512;

  static final int FAR = 1 << 24;

  /**
   * A kernel body over {@code reps} runs of {@code n} pairs (x[i], y[j]): within a run i and j
   * advance by {@code step} doubles, between runs by {@code gap} more.
   */
  interface Pairs {
    void apply(double[] x, int i, double[] y, int j, int n, int step, int reps, int gap);
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
   * Applies {@code body} to every pair (spread(k) | setBits, + offAmps) for k in 0..count. Run
   * structure in k: if the lowest m fixed positions are 0..m-1, i0 skips 2^m amplitudes per k; the
   * next fixed position p ends a run every 2^(p-m) k, and the run after starts 2^(p+1) amplitudes
   * further, until the fixed position after p: so the body gets whole groups of runs.
   */
  static void forEachPair(
      double[] s, int numQubits, int[] fixed, int setBits, int offAmps, Pairs body) {
    forEachPair(s, numQubits, fixed, setBits, offAmps, body, FAR);
  }

  /** As above, buffering partners at least {@code farAmps} away (PairWalkTest forces it low). */
  static void forEachPair(
      double[] s, int numQubits, int[] fixed, int setBits, int offAmps, Pairs body, int farAmps) {
    int m = 0;
    while (m < fixed.length && fixed[m] == m) {
      m++;
    }
    int step = 2 << m;
    int runBits = m < fixed.length ? fixed[m] - m : 30;
    int groupBits = m + 1 < fixed.length ? fixed[m + 1] - m - 1 : 30;
    int runLen = 1 << runBits;
    int repStride = m < fixed.length ? 4 << fixed[m] : 0;
    int off = 2 * offAmps;
    // a far span must not reach back into the near amplitudes it is paired with
    boolean far = step <= 8 && Math.abs(offAmps) >= Math.max(farAmps, BUFFER);
    Parallel.forRange(
        count(numQubits, fixed),
        (from, to) -> {
          double[] buf = far ? new double[BUFFER + ROTATION] : null;
          for (int k = from; k < to; ) {
            int i0 = 2 * (spread(k, fixed) | setBits);
            int n;
            int reps = 1;
            if ((k & (runLen - 1)) == 0 && to - k >= runLen) {
              int groupEnd = (int) Math.min(to, ((long) k | ((1L << groupBits) - 1)) + 1);
              n = runLen;
              reps = (groupEnd - k) >> runBits;
            } else {
              n = Math.min(to, (k | (runLen - 1)) + 1) - k;
            }
            if (far) {
              buffered(s, buf, body, i0, off, n, step, reps, repStride);
            } else {
              body.apply(s, i0, s, i0 + off, n, step, reps, repStride - n * step);
            }
            k += n * reps;
          }
        });
  }

  /**
   * Runs the body on (near, a buffered copy of the far span), a buffer's worth at a time. The
   * copy's start in the buffer rotates over a 4 KiB window from block to block: at a fixed
   * placement, near and buffer addresses that nearly coincide modulo 4 KiB make the CPU stall loads
   * behind unrelated stores (4K aliasing), measured at 2.5x for the whole gate.
   */
  private static void buffered(
      double[] s,
      double[] buf,
      Pairs body,
      int i0,
      int off,
      int n,
      int step,
      int reps,
      int repStride) {
    int block = 0;
    if (reps > 1 && repStride <= BUFFER) {
      int group = BUFFER / repStride;
      for (int r = 0; r < reps; r += group) {
        int g = Math.min(group, reps - r);
        int len = (g - 1) * repStride + (n - 1) * step + 2;
        through(
            s,
            buf,
            body,
            i0 + r * repStride,
            off,
            len,
            rotation(block++),
            n,
            step,
            g,
            repStride - n * step);
      }
      return;
    }
    int perBlock = (BUFFER - 2) / step + 1;
    for (int r = 0; r < reps; r++) {
      for (int done = 0; done < n; done += perBlock) {
        int nb = Math.min(perBlock, n - done);
        // the span between strided partners is copied too, and back unchanged: this gate
        // does not touch those amplitudes, so no other chunk writes them meanwhile
        through(
            s,
            buf,
            body,
            i0 + r * repStride + step * done,
            off,
            (nb - 1) * step + 2,
            rotation(block++),
            nb,
            step,
            1,
            0);
      }
    }
  }

  private static int rotation(int block) {
    return ((block * 37) & 63) * 8;
  }

  private static void through(
      double[] s,
      double[] buf,
      Pairs body,
      int i,
      int off,
      int len,
      int at,
      int n,
      int step,
      int reps,
      int gap) {
    System.arraycopy(s, i + off, buf, at, len);
    body.apply(s, i, buf, at, n, step, reps, gap);
    System.arraycopy(buf, at, s, i + off, len);
  }
}
