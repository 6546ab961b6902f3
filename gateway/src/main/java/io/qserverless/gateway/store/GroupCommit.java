package io.qserverless.gateway.store;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Waits until what the calling thread committed is in the database file, sharing one write between
 * all the threads that wait at the same time (group commit).
 *
 * <p>The embedded H2 database runs with {@code WRITE_DELAY=0} ({@link Database#embeddedUrl}): each
 * commit writes its chunk in the committing thread and waits for it, so nothing is left to H2's
 * background writer. That writer hands its chunks to an executor nobody waits for, and {@code
 * CHECKPOINT} returns without writing while such a chunk is pending. With the default delay, a
 * {@code kill -9} in that gap lost acknowledged jobs (CrashRecoveryTest, 20 rounds, even on an idle
 * machine). The group commit stays for H2 URLs an operator gives without that setting: one waiter
 * (the leader) lets a short window pass for others to join, then has H2 write everything committed
 * so far ({@link #flush}), which releases every waiter whose commit came before. With {@code
 * WRITE_DELAY=0} its {@code CHECKPOINT} finds nothing left to write. Thread-safe.
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
