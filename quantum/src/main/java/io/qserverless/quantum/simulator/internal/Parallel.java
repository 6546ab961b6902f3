package io.qserverless.quantum.simulator.internal;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Splits a kernel's index range into contiguous chunks run on the common ForkJoin pool. Below
 * {@link #THRESHOLD} items a kernel runs on the calling thread: for small states the fork/join
 * overhead (tens of microseconds) exceeds the work.
 */
final class Parallel {
  /** 2^15 amplitude pairs (1 MiB of state): measured break-even on a 2-core machine. */
  static final int THRESHOLD = 1 << 15;

  private Parallel() {}

  interface RangeBody {
    void run(int from, int to);
  }

  interface RangeSum {
    double sum(int from, int to);
  }

  private static int chunks(int count) {
    int threads = ForkJoinPool.getCommonPoolParallelism() + 1;
    return count < THRESHOLD || threads < 2 ? 1 : Math.min(4 * threads, count / (THRESHOLD / 4));
  }

  static void forRange(int count, RangeBody body) {
    int chunks = chunks(count);
    if (chunks == 1) {
      body.run(0, count);
      return;
    }
    IntStream.range(0, chunks).parallel().forEach(c -> body.run(bound(count, chunks, c), bound(count, chunks, c + 1)));
  }

  static double sum(int count, RangeSum body) {
    int chunks = chunks(count);
    if (chunks == 1) {
      return body.sum(0, count);
    }
    return IntStream.range(0, chunks).parallel()
        .mapToDouble(c -> body.sum(bound(count, chunks, c), bound(count, chunks, c + 1)))
        .sum();
  }

  private static int bound(int count, int chunks, int c) {
    return (int) ((long) count * c / chunks);
  }
}
