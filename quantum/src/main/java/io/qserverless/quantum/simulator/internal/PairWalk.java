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
 * <p>Partners half the state apart (the top qubit) are walked directly too, two streams side by
 * side: on this machine that runs as fast as an in-place pass over the state, while copying blocks
 * of the far half through a small buffer (tried from 4 KiB to 512 KiB) took twice as long, since a
 * core then waits on one stream of misses at a time.
 */
final class PairWalk {
  /**
   * A kernel body over {@code reps} runs of {@code n} pairs of state indices (i, j): within a run i
   * and j advance by {@code step} doubles, between runs by {@code gap} more.
   */
  interface Pairs {
    void apply(int i, int j, int n, int step, int reps, int gap);
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
  static void forEachPair(int numQubits, int[] fixed, int setBits, int offAmps, Pairs body) {
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
    Parallel.forRange(
        count(numQubits, fixed),
        (from, to) -> {
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
            body.apply(i0, i0 + off, n, step, reps, repStride - n * step);
            k += n * reps;
          }
        });
  }
}
