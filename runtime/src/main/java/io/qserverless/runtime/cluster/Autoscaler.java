package io.qserverless.runtime.cluster;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The driver's auto-scaling of its job's cluster, as Ray's autoscaler does it for a Ray cluster:
 * while tasks wait that fit no free member, it asks for as many workers as they need (up to {@code
 * max_workers}); a worker that has run no task for the idle timeout is removed while more than
 * {@code min_workers} run; a cluster that lost workers below {@code min_workers} asks for new ones.
 *
 * <p>It decides; the {@link Scaler} acts (the gateway, which takes the node's capacity for each
 * worker and may answer that it has none now: then the job goes on with the members it has and the
 * autoscaler asks again later, backing off). It looks every {@link #TICK}: a worker JVM takes a
 * second or more to start, so a faster reaction would gain nothing.
 *
 * <p>Thread-safe: one thread of its own does all the deciding.
 */
final class Autoscaler implements AutoCloseable {
  static final Duration TICK = Duration.ofMillis(200);

  /** Why a worker is there that no one asked for at run time. */
  static final String WITH_JOB = "started with the job";

  /** Why a worker left that no one removed. */
  static final String LOST = "its JVM ended, was killed or lost its connection";

  private static final long FIRST_BACKOFF_NANOS = Duration.ofSeconds(1).toNanos();
  private static final long LAST_BACKOFF_NANOS = Duration.ofSeconds(16).toNanos();

  private final Scheduler scheduler;
  private final ClusterSettings.Scaling scaling;
  private final Scaler scaler;
  private final Duration joinTimeout;
  private final Map<String, Long> pending = new LinkedHashMap<>();
  private final Map<String, String> joinReasons = new ConcurrentHashMap<>();
  private final Map<String, String> leaveReasons = new ConcurrentHashMap<>();
  private final Thread thread;
  private long retryAt = System.nanoTime();
  private long backoff = FIRST_BACKOFF_NANOS;
  private String lastRefusal;

  /** {@code initialWorkers}: those started with the job ({@code worker-1} to {@code -N}). */
  Autoscaler(
      Scheduler scheduler,
      ClusterSettings.Scaling scaling,
      Scaler scaler,
      int initialWorkers,
      Duration joinTimeout) {
    this.scheduler = scheduler;
    this.scaling = scaling;
    this.scaler = scaler;
    this.joinTimeout = joinTimeout;
    long now = System.nanoTime();
    for (int i = 1; i <= initialWorkers; i++) {
      pending.put("worker-" + i, now); // started with the job, joining meanwhile
    }
    this.thread = Thread.ofPlatform().daemon().name("cluster-autoscaler").start(this::loop);
  }

  /** Why worker {@code name} joined: the reason it was asked for, or that it came with the job. */
  String joinReason(String name) {
    String why = joinReasons.remove(name);
    return why != null ? why : WITH_JOB;
  }

  /** Why worker {@code name} left: the reason it was removed, or that it was lost. */
  String leaveReason(String name) {
    String why = leaveReasons.remove(name);
    return why != null ? why : LOST;
  }

  @Override
  public void close() {
    thread.interrupt();
  }

  private void loop() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Thread.sleep(TICK);
        step();
      }
    } catch (InterruptedException closing) {
      // the driver's member is closing
    }
  }

  private void step() {
    settlePending();
    int present = scheduler.workers();
    int room = scaling.maxWorkers() - present - pending.size();
    int below = Math.min(room, scaling.minWorkers() - present - pending.size());
    if (below > 0) {
      add(
          below,
          "the cluster has " + present + " workers, below min_workers " + scaling.minWorkers());
      return;
    }
    int wanted = scheduler.workersWanted(scaling.worker(), pending.size(), room);
    if (wanted > 0) {
      add(
          wanted,
          scheduler.waiting()
              + " tasks wait and fit no free member; a new worker brings "
              + scaling.worker());
    } else if (pending.isEmpty() && scheduler.waiting() == 0) {
      removeIdle(present);
    }
  }

  /** Forgets the workers that have joined, and those that did not within the join timeout. */
  private void settlePending() {
    long now = System.nanoTime();
    for (Iterator<Map.Entry<String, Long>> it = pending.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Long> e = it.next();
      if (scheduler.hasMember(e.getKey())) {
        it.remove();
      } else if (now - e.getValue() > joinTimeout.toNanos()) {
        it.remove();
        joinReasons.remove(e.getKey());
        System.err.println(
            "cluster: "
                + e.getKey()
                + " did not join within "
                + joinTimeout.toSeconds()
                + " s; see its lines in the log for why");
      }
    }
  }

  private void add(int count, String reason) {
    if (System.nanoTime() < retryAt) {
      return;
    }
    for (int i = 0; i < count; i++) {
      String worker;
      try {
        worker = scaler.add(reason);
      } catch (RuntimeException refused) {
        if (!String.valueOf(refused.getMessage()).equals(lastRefusal)) {
          lastRefusal = String.valueOf(refused.getMessage());
          System.err.println(
              "cluster: no worker added, the job goes on with its members: " + lastRefusal);
        }
        retryAt = System.nanoTime() + backoff;
        backoff = Math.min(LAST_BACKOFF_NANOS, backoff * 2);
        return;
      }
      lastRefusal = null;
      backoff = FIRST_BACKOFF_NANOS;
      joinReasons.put(worker, reason);
      pending.put(worker, System.nanoTime());
      System.err.println("cluster: added " + worker + ": " + reason);
    }
  }

  /** Removes the workers idle for the idle timeout, longest idle first, down to min_workers. */
  private void removeIdle(int present) {
    List<UUID> idle = scheduler.idleWorkers(scaling.idleTimeout());
    int left = present;
    for (UUID member : idle) {
      if (left <= scaling.minWorkers()) {
        return;
      }
      String name = scheduler.nameOf(member);
      if (name == null || !scheduler.retire(member)) {
        continue;
      }
      String reason =
          "idle (no task) for "
              + scaling.idleTimeout().toMillis() / 1000.0
              + " s while the cluster had "
              + left
              + " workers, above min_workers "
              + scaling.minWorkers();
      leaveReasons.put(name, reason);
      try {
        scaler.remove(name, reason);
        left--;
      } catch (RuntimeException e) {
        leaveReasons.remove(name);
        scheduler.unretire(member);
        System.err.println("cluster: could not remove " + name + ": " + e.getMessage());
      }
    }
  }
}
