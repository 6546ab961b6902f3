package io.qserverless.quantum.simulator.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Cache blocking: several gates applied in one pass over the state. The qubits {@link #inside} span
 * a chunk of 2^c amplitudes (the addresses with every other bit fixed) that fits in the core's L2
 * cache; each chunk is copied into a buffer, all the sweep's gates run on it there, and it is
 * copied back. Memory then sees one read and one write per amplitude for the whole group instead of
 * one per gate: at 24 qubits a pass costs about 30 ms of memory traffic here, while a gate on a
 * cached chunk costs a fraction of that.
 *
 * <p>The chunk always holds the lowest {@link #RUN_BITS} qubits (fewer in chunks under 12 qubits),
 * so it is gathered in runs of 2^6 amplitudes (1 KiB, 16 cache lines in a row) however high its
 * other qubits lie.
 */
record Sweep(int inside, List<Step> steps) {
  static final int RUN_BITS = 6;

  /** Gates looked at past the first one that cannot join a sweep (bounds planning cost). */
  static final int LOOKAHEAD = 512;

  /**
   * Groups the steps, in an order that keeps every pair of non-commuting steps in sequence, into
   * sweeps of at most {@code chunkQubits} qubits. Greedy: each sweep takes every step whose pairing
   * qubits fit, skipping steps that do not; a skipped step blocks its qubits for the rest of the
   * sweep, so nothing that touches them overtakes it.
   */
  static List<Sweep> plan(List<Step> steps, int n, int chunkQubits) {
    List<Sweep> sweeps = new ArrayList<>();
    int all = (int) ((1L << n) - 1);
    List<Step> remaining = steps;
    while (!remaining.isEmpty()) {
      int inside = (1 << Math.min(Math.min(RUN_BITS, chunkQubits / 2), n)) - 1;
      int blocked = 0;
      int skipped = 0;
      List<Step> taken = new ArrayList<>();
      List<Step> left = new ArrayList<>();
      for (Step s : remaining) {
        if (blocked == all || skipped > LOOKAHEAD) {
          left.add(s);
          continue;
        }
        int grown = inside | s.pairing;
        if (taken.isEmpty() && blocked == 0 && Integer.bitCount(grown) > chunkQubits) {
          // too wide for a chunk: a pass of its own (over a larger chunk if it cannot run alone)
          inside = grown;
          taken.add(s);
          blocked = all;
        } else if ((s.touched & blocked) == 0 && Integer.bitCount(grown) <= chunkQubits) {
          inside = grown;
          taken.add(s);
        } else {
          blocked |= s.touched;
          skipped++;
          left.add(s);
        }
      }
      sweeps.add(new Sweep(fillLow(inside, n, chunkQubits), Fusion.pairs(taken)));
      remaining = left;
    }
    return sweeps;
  }

  /** Adds the lowest free qubits up to the chunk size: longer runs, fewer chunks. */
  private static int fillLow(int inside, int n, int chunkQubits) {
    for (int q = 0; q < n && Integer.bitCount(inside) < chunkQubits; q++) {
      inside |= 1 << q;
    }
    return inside;
  }

  private static final ThreadLocal<double[]> BUFFER = new ThreadLocal<>();

  /**
   * The calling thread's chunk buffer, reused across sweeps (sweeps do not nest): each thread that
   * ran a sweep keeps its 512 KiB, cheaper than allocating one per sweep and thread.
   */
  private static double[] buffer(int doubles) {
    double[] b = BUFFER.get();
    if (b == null || b.length != doubles) {
      b = new double[doubles];
      BUFFER.set(b);
    }
    return b;
  }

  /** Applies the sweep to a state of {@code n} qubits, chunk by chunk, in parallel. */
  void apply(Storage s, int n) {
    int[] qs = Step.sortedBits(inside);
    int c = qs.length;
    int[] local = new int[n];
    for (int i = 0; i < c; i++) {
      local[qs[i]] = i;
    }
    int run = 0;
    while (run < c && qs[run] == run) {
      run++;
    }
    // offsets of the runs within a chunk: the chunk qubits above the run, deposited
    int[] runStart = new int[1 << (c - run)];
    for (int r = 0; r < runStart.length; r++) {
      for (int i = run; i < c; i++) {
        if ((r >> (i - run) & 1) != 0) {
          runStart[r] |= 1 << qs[i];
        }
      }
    }
    int runAmps = 1 << run;
    Parallel.forChunks(
        1 << (n - c),
        1,
        (from, to) -> {
          double[] buf = buffer(2 << c);
          for (int h = from; h < to; h++) {
            int base = PairWalk.spread(h, qs);
            for (int r = 0; r < runStart.length; r++) {
              s.read(base | runStart[r], buf, 2 * r * runAmps, runAmps);
            }
            for (Step step : steps) {
              Step onChunk = step.localise(local, inside, base);
              if (onChunk != null) {
                onChunk.apply(buf, c);
              }
            }
            for (int r = 0; r < runStart.length; r++) {
              s.write(buf, 2 * r * runAmps, base | runStart[r], runAmps);
            }
          }
        });
  }
}
