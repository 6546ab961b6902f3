package io.qserverless.quantum.simulator.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a kernel's index range on the simulator's own threads in small chunks that the threads take
 * in order from a shared counter, so that at any moment all threads work on neighbouring memory.
 * (Halving the range per thread, as parallel streams do, put the threads' streams a large power of
 * two apart, onto the same DRAM banks, measured 1.3x slower on top-qubit gates.) Up to {@link
 * #THRESHOLD} items a kernel runs on the calling thread: the hand-off costs more than the work.
 *
 * <p>The thread count is the system property {@value #THREADS_PROPERTY} (default: the available
 * processors), read once. The simulator keeps its own helper threads instead of the common ForkJoin
 * pool: with {@code java.util.concurrent.ForkJoinPool.common.parallelism=0} that pool has no
 * workers and a submitted chunk was never run, so the caller waited forever. Here the caller works
 * through the chunks itself and waits only for helpers that took one, so a busy or absent helper
 * never blocks it. A kernel called inside a chunk runs on its thread, not nested.
 */
final class Parallel {
  static final String THREADS_PROPERTY = "qserverless.simulator.threads";

  /** 2^15 amplitude pairs (1 MiB of state): up to this one thread is faster. */
  static final int THRESHOLD = 1 << 15;

  /** Items per chunk: 2^13 pairs, 256 KiB of state, small enough to keep threads adjacent. */
  static final int CHUNK = 1 << 13;

  private static final String SETTING = System.getProperty(THREADS_PROPERTY);

  /** The setting, or 1 if it is invalid: then {@link #requireValidSetting} refuses every state. */
  static final int THREADS = validOrOne(SETTING);

  private static final ExecutorService HELPERS =
      THREADS == 1
          ? null
          : Executors.newFixedThreadPool(
              THREADS - 1,
              r -> {
                Thread t = new Thread(r, "simulator-helper");
                t.setDaemon(true);
                return t;
              });

  private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> false);

  private Parallel() {}

  interface RangeBody {
    void run(int from, int to);
  }

  interface RangeSum {
    double sum(int from, int to);
  }

  /**
   * Refuses a bad thread setting with its message each time a state is made (thrown from the class
   * initialiser it would surface once, then as a bare NoClassDefFoundError).
   */
  static void requireValidSetting() {
    threads(SETTING);
  }

  private static int validOrOne(String setting) {
    try {
      return threads(setting);
    } catch (IllegalArgumentException e) {
      return 1;
    }
  }

  static int threads(String setting) {
    if (setting == null || setting.isBlank()) {
      return Runtime.getRuntime().availableProcessors();
    }
    try {
      int t = Integer.parseInt(setting.trim());
      if (t >= 1 && t <= 1024) {
        return t;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new IllegalArgumentException(
        "system property "
            + THREADS_PROPERTY
            + "="
            + setting
            + " must be a thread count from 1 to 1024");
  }

  /** The range in chunks of {@link #CHUNK} items, on one thread up to {@link #THRESHOLD} items. */
  static void forRange(int count, RangeBody body) {
    if (count <= THRESHOLD) {
      body.run(0, count);
    } else {
      forChunks(count, CHUNK, body);
    }
  }

  /** The range in chunks of {@code grain} items, spread over the threads whatever the count. */
  static void forChunks(int count, int grain, RangeBody body) {
    if (THREADS == 1 || count <= grain || INSIDE.get()) {
      body.run(0, count);
      return;
    }
    AtomicInteger next = new AtomicInteger();
    AtomicInteger working = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable worker =
        () -> {
          INSIDE.set(true);
          try {
            while (true) {
              // counted before taking a chunk: the caller, once out of chunks, waits for this to
              // drain
              working.incrementAndGet();
              try {
                int from = next.getAndAdd(grain);
                if (from >= count) {
                  return;
                }
                body.run(from, Math.min(count, from + grain));
              } catch (Throwable t) {
                failure.compareAndSet(null, t);
                next.set(count);
              } finally {
                working.decrementAndGet();
              }
            }
          } finally {
            INSIDE.set(false);
          }
        };
    int helpers = Math.min(THREADS - 1, (count + grain - 1) / grain - 1);
    for (int t = 0; t < helpers; t++) {
      HELPERS.execute(worker);
    }
    worker.run();
    while (working.get() != 0) {
      Thread.onSpinWait();
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException e) {
      throw e;
    } else if (t instanceof Error e) {
      throw e;
    }
  }

  /** The sum over chunks, added in chunk order so that results do not depend on scheduling. */
  static double sum(int count, RangeSum body) {
    if (count <= THRESHOLD) {
      return body.sum(0, count);
    }
    double[] partial = new double[(count + CHUNK - 1) / CHUNK];
    forChunks(count, CHUNK, (from, to) -> partial[from / CHUNK] = body.sum(from, to));
    double total = 0;
    for (double p : partial) {
      total += p;
    }
    return total;
  }
}
