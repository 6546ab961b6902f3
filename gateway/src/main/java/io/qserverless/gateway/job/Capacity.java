package io.qserverless.gateway.job;

import io.qserverless.gateway.runner.Allotment;
import java.util.HashMap;
import java.util.Map;

/**
 * The capacity ledger: what the node has, and which started job holds how much of it.
 *
 * <p>The lifecycle takes a job's allotment when it hands the job to a runner and gives it back when
 * the job ends or goes back to the queue; it grows a started job's hold by each worker it adds and
 * shrinks it by each worker that ends, so the ledger counts exactly the workers that run. The
 * scheduler only asks. Keyed by job, so giving back twice is harmless. Rebuilt from the database's
 * started jobs when the gateway starts (one gateway per database). Thread-safe.
 */
public final class Capacity {
  private record Hold(long userId, Allotment allotment) {}

  private final Allotment node;
  private final Map<String, Hold> holds = new HashMap<>();
  private final Map<Long, Integer> startedPerUser = new HashMap<>();
  private Allotment used = Allotment.NONE;

  public Capacity(Allotment node) {
    this.node = node;
  }

  /** True when {@code a} fits what the node has free now. */
  public synchronized boolean fits(Allotment a) {
    return free().holds(a);
  }

  public synchronized Allotment free() {
    return node.minus(used);
  }

  /** How many of the user's jobs hold capacity (started and not yet ended). */
  public synchronized int started(long userId) {
    return startedPerUser.getOrDefault(userId, 0);
  }

  /**
   * Takes {@code a} for the job if it fits and the user is under {@code maxPerUser}; false
   * otherwise.
   */
  synchronized boolean take(String jobId, long userId, Allotment a, int maxPerUser) {
    if (holds.containsKey(jobId)) {
      return true;
    }
    if (!fits(a) || started(userId) >= maxPerUser) {
      return false;
    }
    holds.put(jobId, new Hold(userId, a));
    startedPerUser.merge(userId, 1, Integer::sum);
    used = used.plus(a);
    return true;
  }

  /** Records a job found started at gateway start, whether or not it fits (it already runs). */
  synchronized void adopt(String jobId, long userId, Allotment a) {
    if (holds.putIfAbsent(jobId, new Hold(userId, a)) == null) {
      startedPerUser.merge(userId, 1, Integer::sum);
      used = used.plus(a);
    }
  }

  /** Adds {@code a} to a started job's hold if it fits what is free now; false otherwise. */
  synchronized boolean grow(String jobId, Allotment a) {
    Hold h = holds.get(jobId);
    if (h == null || !fits(a)) {
      return false;
    }
    holds.put(jobId, new Hold(h.userId(), h.allotment().plus(a)));
    used = used.plus(a);
    return true;
  }

  /** Gives back {@code a} of a started job's hold (one of its workers ended). */
  synchronized void shrink(String jobId, Allotment a) {
    Hold h = holds.get(jobId);
    if (h != null) {
      holds.put(jobId, new Hold(h.userId(), h.allotment().minus(a)));
      used = used.minus(a);
    }
  }

  /** What a started job holds now, or nothing when it holds none. */
  synchronized Allotment held(String jobId) {
    Hold h = holds.get(jobId);
    return h == null ? Allotment.NONE : h.allotment();
  }

  synchronized void give(String jobId) {
    Hold h = holds.remove(jobId);
    if (h != null) {
      startedPerUser.computeIfPresent(h.userId(), (u, n) -> n == 1 ? null : n - 1);
      used = used.minus(h.allotment());
    }
  }
}
