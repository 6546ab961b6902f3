package io.qserverless.gateway.store;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Waits until what the calling thread committed is in the database file, sharing one write between
 * all the threads that wait at the same time (group commit).
 *
 * <p>H2 keeps a commit in memory and writes it to its file later (its {@code WRITE_DELAY}); with a
 * delay of 0 it writes one MVStore chunk per commit instead, and a chunk rewrites every changed
 * B-tree page up to its root: measured on the gateway's run request, that tripled its CPU cost. So
 * a commit here stays in memory, and the thread that needs it durable calls {@link #await()}: one
 * waiter (the leader) lets a short window pass for others to join, then has H2 write everything
 * committed so far ({@link #flush}), which releases every waiter whose commit came before.
 * Thread-safe.
 *
 * <p>Known gap (H2 2.5, read from its bytecode; docs/operations.md, "Restarting"): H2's {@code
 * CHECKPOINT} returns without writing when H2's background writer changed the store's version while
 * it waited for the store's lock, and that writer's chunk is written on an executor that nobody
 * waits for. A {@code kill -9} right then can lose what the waiters were told is durable.
 * CrashRecoveryTest saw losses only at load 5 and above. PostgreSQL has no such gap.
 */
final class GroupCommit {
  // Long enough for the concurrent requests of a busy gateway to join one write, short against a
  // request.
  private static final long WINDOW_NANOS = TimeUnit.MICROSECONDS.toNanos(500);
  private final Runnable flush;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition written = lock.newCondition();
  private long requested;
  private long durable;
  private boolean flushing;

  /**
   * {@code flush} writes everything committed before it began to the file (H2: {@code CHECKPOINT}).
   */
  GroupCommit(Runnable flush) {
    this.flush = flush;
  }

  /** Returns once every commit this thread made before the call is written to the file. */
  void await() {
    lock.lock();
    try {
      long ticket = ++requested;
      while (durable < ticket) {
        if (flushing) {
          written.awaitUninterruptibly();
          continue;
        }
        flushing = true;
        lock.unlock();
        long upTo = -1;
        try {
          LockSupport.parkNanos(WINDOW_NANOS);
          lock.lock();
          long last =
              requested; // every ticket so far belongs to a commit made before the flush below
          // begins
          lock.unlock();
          flush.run();
          upTo = last;
        } finally {
          lock.lock();
          flushing = false;
          durable = Math.max(durable, upTo);
          written.signalAll(); // on a failed flush, the next waiter leads another attempt
        }
      }
    } finally {
      lock.unlock();
    }
  }
}
