package io.qserverless.gateway.scheduler;

import io.qserverless.gateway.job.Capacity;
import io.qserverless.gateway.job.Job;
import io.qserverless.gateway.job.JobLifecycle;
import io.qserverless.gateway.job.JobRepository;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orders queued jobs and hands them to the {@link JobLifecycle} when they fit: the database is the
 * queue, this thread drains it. It writes nothing itself; capacity is the lifecycle's ledger.
 *
 * <p>Woken at once on submit, stop and finish, and every {@code reconcile} interval anyway: then it
 * also has the lifecycle reconcile the database with the runs, so a lost wake-up or a failed finish
 * only delays. Fair share: among users with queued jobs, the one with the fewest running jobs goes
 * first, then the one whose last start is oldest (round robin), then the oldest submission; so one
 * user's thousand queued jobs do not starve another user's one, even when the node fits a single
 * job. A job starts only when its cpu and memory allotment fits the node's free capacity and its
 * user is under the running-job limit.
 */
public final class Scheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
  private final JobRepository jobs;
  private final JobLifecycle lifecycle;
  private final Capacity capacity;
  private final Duration reconcile;
  private final Semaphore wakeups = new Semaphore(0);
  // Scheduler thread only: the pass number at which each user last had a job started.
  private final Map<Long, Long> lastStart = new HashMap<>();
  private long starts;
  private volatile boolean open = true;
  private final Thread thread;

  public Scheduler(JobRepository jobs, JobLifecycle lifecycle, Duration reconcile) {
    this.jobs = jobs;
    this.lifecycle = lifecycle;
    this.capacity = lifecycle.capacity();
    this.reconcile = reconcile;
    this.thread = Thread.ofPlatform().daemon().name("scheduler").unstarted(this::loop);
    lifecycle.onEnd(this::wake);
  }

  public void start() {
    thread.start();
  }

  /**
   * A job was queued: wakes the scheduler only if the job fits the node's free capacity now, so a
   * burst of submissions to a full node costs no scheduling passes (an end always wakes it).
   */
  public void submitted(Job job) {
    if (capacity.fits(job.allotment())) {
      wake();
    }
  }

  /** Asks for a scheduling pass soon; cheap and safe to call from any thread. */
  public void wake() {
    if (wakeups.availablePermits() == 0) {
      wakeups.release();
    }
  }

  private void loop() {
    while (open) {
      try {
        boolean woken = wakeups.tryAcquire(reconcile.toMillis(), TimeUnit.MILLISECONDS);
        wakeups.drainPermits();
        if (open && !woken) {
          lifecycle.reconcile();
        }
        if (open) {
          schedule();
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.warn("scheduling pass failed ({}); retrying at the next wake-up", e.toString());
        LOG.debug("scheduling pass failure", e);
      }
    }
  }

  /** Starts queued jobs, one per pass of the fair-share order, until none fits. */
  void schedule() {
    boolean started = true;
    while (started && open) {
      started = false;
      List<Job> heads =
          jobs.queuedHeads().stream()
              .sorted(
                  Comparator.comparingInt((Job j) -> capacity.started(j.userId()))
                      .thenComparingLong(j -> lastStart.getOrDefault(j.userId(), 0L))
                      .thenComparingLong(Job::seq))
              .toList();
      for (Job head : heads) {
        if (capacity.fits(head.allotment()) && lifecycle.start(head)) {
          lastStart.put(head.userId(), ++starts);
          started = true;
          break;
        }
      }
    }
  }

  /**
   * Ends the loop after its current pass. Not by interrupt: H2 closes its file when a thread doing
   * I/O is interrupted.
   */
  @Override
  public void close() {
    open = false;
    wakeups.release();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
