package io.qserverless.gateway.scheduler;

import io.qserverless.gateway.config.GatewayConfig;
import io.qserverless.gateway.job.Job;
import io.qserverless.gateway.job.JobRepository;
import io.qserverless.gateway.runner.ProcessRunner;
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
 * Starts queued jobs when they fit: the database is the queue, this thread drains it.
 *
 * <p>Woken at once on submit, stop and finish, and every {@code reconcile} interval anyway: then
 * it also has the runner reconcile the database with the processes, so a lost wake-up or a failed
 * finish only delays. Fair share: among users with queued jobs, the one with the fewest
 * running jobs goes first, then the one whose last start is oldest (round robin), then the oldest
 * submission; so one user's thousand queued jobs do not starve another user's one, even when the
 * node fits a single job. A job starts only when its cpu and memory allotment fits the
 * node's free capacity and its user is under the running-job limit.
 */
public final class Scheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
  private final JobRepository jobs;
  private final ProcessRunner runner;
  private final GatewayConfig.Node node;
  private final int maxRunningPerUser;
  private final Duration reconcile;
  private final Semaphore wakeups = new Semaphore(0);
  // Scheduler thread only: the pass number at which each user last had a job started.
  private final Map<Long, Long> lastStart = new HashMap<>();
  private long starts;
  // Capacity left free by the last pass; only a finish (which always wakes) can raise it.
  private volatile double cpuFree;
  private volatile long memFree;
  private volatile boolean open = true;
  private final Thread thread;

  public Scheduler(JobRepository jobs, ProcessRunner runner, GatewayConfig config, Duration reconcile) {
    this.jobs = jobs;
    this.runner = runner;
    this.node = config.node();
    this.maxRunningPerUser = config.limits().maxRunningJobs();
    this.reconcile = reconcile;
    this.cpuFree = node.cpus();
    this.memFree = node.memoryBytes();
    this.thread = Thread.ofPlatform().daemon().name("scheduler").unstarted(this::loop);
    runner.onFinish(this::wake);
  }

  public void start() {
    thread.start();
  }

  /**
   * A job was queued: wakes the scheduler only if the job could fit what the last pass left free,
   * so a burst of submissions to a full node costs no scheduling passes. (A stale "no" costs at
   * most one reconcile interval.)
   */
  public void submitted(Job job) {
    if (job.cpu() <= cpuFree + 1e-9 && job.memory() <= memFree) {
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
          runner.reconcile();
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
      Map<Long, Integer> perUser = new HashMap<>();
      double cpuFree = node.cpus();
      long memFree = node.memoryBytes();
      for (Job r : runner.running()) {
        perUser.merge(r.userId(), 1, Integer::sum);
        cpuFree -= r.cpu();
        memFree -= r.memory();
      }
      List<Job> heads = jobs.queuedHeads().stream()
          .sorted(Comparator.comparingInt((Job j) -> perUser.getOrDefault(j.userId(), 0))
              .thenComparingLong(j -> lastStart.getOrDefault(j.userId(), 0L))
              .thenComparingLong(Job::seq))
          .toList();
      this.cpuFree = cpuFree;
      this.memFree = memFree;
      for (Job head : heads) {
        boolean fits = head.cpu() <= cpuFree + 1e-9 && head.memory() <= memFree;
        if (fits && perUser.getOrDefault(head.userId(), 0) < maxRunningPerUser && jobs.markPending(head.id())) {
          lastStart.put(head.userId(), ++starts);
          runner.start(head);
          started = true;
          break;
        }
      }
    }
  }

  /** Ends the loop after its current pass. Not by interrupt: H2 closes its file when a thread doing I/O is interrupted. */
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
