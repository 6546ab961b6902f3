package io.qserverless.runtime.cluster;

import io.qserverless.runtime.Resources;
import io.qserverless.runtime.ResourcesExceededException;
import io.qserverless.runtime.WorkerLostException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The driver's placement of a job's tasks on the members of its cluster: one {@link Ledger} per
 * member, a task placed only on a member whose free allotment fits it, the same rules as the local
 * executor (first in, first out; a task waiting for other tasks gives its share back).
 *
 * <p>Among the members that fit, the one running the fewest tasks gets the task, so that tasks
 * asking little (or nothing) still spread over the workers. A member that leaves fails the tasks it
 * held with a {@link WorkerLostException} naming it, or queues them again at the head when they are
 * retryable (3 runs in all).
 *
 * <p>For an auto-scaling cluster it also answers the {@link Autoscaler}: how many new workers the
 * waiting tasks need, which workers have been idle, and it stops placing tasks on a worker being
 * removed ({@link #retire}).
 *
 * <p>Thread-safe: state is guarded by {@code this}; what it sends (runs, outcomes) goes out through
 * {@link Dispatch} after the lock is released.
 */
final class Scheduler {
  static final int MAX_RUNS = 3;

  /** Where the scheduler's decisions go. */
  interface Dispatch {
    void run(UUID member, long id, byte[] task);

    void deliver(UUID origin, long originId, TaskCodec.Outcome outcome);
  }

  private final Dispatch dispatch;
  private final Resources growth;
  private final Map<UUID, Slot> slots = new LinkedHashMap<>();
  private final Map<Long, Slot> placedOn = new HashMap<>();
  private final ArrayDeque<Placement> waiting = new ArrayDeque<>();
  private long lastId;

  /**
   * {@code growth}: the allotment of a worker auto-scaling may add, so a task that fits it waits
   * for one rather than failing; null for a fixed cluster.
   */
  Scheduler(Dispatch dispatch, Resources growth) {
    this.dispatch = dispatch;
    this.growth = growth;
  }

  /** Queues a task from {@code origin}; it fails at once if no member could ever hold it. */
  void submit(UUID origin, long originId, Resources asked, byte[] task, boolean retryable) {
    List<Runnable> actions = new ArrayList<>();
    synchronized (this) {
      String refusal = refusal(asked, totals(), growth);
      if (refusal != null) {
        actions.add(fail(origin, originId, new ResourcesExceededException(refusal)));
      } else {
        waiting.add(new Placement(++lastId, origin, originId, asked, task, retryable));
        place(actions);
      }
    }
    actions.forEach(Runnable::run);
  }

  void done(long id, TaskCodec.Outcome outcome) {
    Placement p;
    List<Runnable> actions = new ArrayList<>();
    synchronized (this) {
      Slot slot = placedOn.remove(id);
      if (slot == null) {
        return; // its member was already reported gone and the task failed or was queued again
      }
      p = slot.running.remove(id);
      if (!p.held) {
        slot.ledger.release(p.asked);
      }
      if (slot.running.isEmpty()) {
        slot.idleSince = System.nanoTime();
      }
      place(actions);
    }
    actions.forEach(Runnable::run);
    dispatch.deliver(p.origin, p.originId, outcome);
  }

  /**
   * The task waits for other tasks: its share is free meanwhile. Idempotent; unknown ids are
   * ignored.
   */
  void hold(long id) {
    List<Runnable> actions = new ArrayList<>();
    synchronized (this) {
      Slot slot = placedOn.get(id);
      Placement p = slot == null ? null : slot.running.get(id);
      if (p == null || p.held) {
        return;
      }
      p.held = true;
      slot.ledger.release(p.asked);
      place(actions);
    }
    actions.forEach(Runnable::run);
  }

  /** The task woke: it takes its share again, even if that over-commits its member for a while. */
  synchronized void retake(long id) {
    Slot slot = placedOn.get(id);
    Placement p = slot == null ? null : slot.running.get(id);
    if (p != null && p.held) {
      p.held = false;
      slot.ledger.take(p.asked);
    }
  }

  void memberJoined(UUID member, String name, Resources allotment, boolean worker) {
    List<Runnable> actions = new ArrayList<>();
    synchronized (this) {
      slots.putIfAbsent(member, new Slot(name, new Ledger(allotment), worker));
      place(actions);
    }
    actions.forEach(Runnable::run);
  }

  void memberLeft(UUID member, String address) {
    List<Runnable> actions = new ArrayList<>();
    synchronized (this) {
      Slot slot = slots.remove(member);
      if (slot == null) {
        return;
      }
      waiting.removeIf(p -> p.origin.equals(member)); // no one waits for them any more
      List<Placement> lost = new ArrayList<>(slot.running.values());
      lost.sort(
          (a, b) -> Long.compare(b.id, a.id)); // re-queued at the head in their original order
      for (Placement p : lost) {
        placedOn.remove(p.id);
        if (p.retryable && p.runs < MAX_RUNS) {
          waiting.addFirst(p);
        } else {
          actions.add(
              fail(
                  p.origin,
                  p.originId,
                  new WorkerLostException(
                      "task "
                          + p.originId
                          + " was running on "
                          + slot.name
                          + " ("
                          + address
                          + "), which left the job's cluster: its JVM ended, was killed or lost"
                          + " its connection"
                          + (p.retryable
                              ? ", on its run " + p.runs + " of " + MAX_RUNS
                              : "; mark the task Task.retryable(...) to have it re-run on another member"))));
        }
      }
      Map<String, Resources> totals = totals();
      for (var it = waiting.iterator(); it.hasNext(); ) {
        Placement p = it.next();
        String refusal = refusal(p.asked, totals, growth);
        if (refusal != null) {
          it.remove();
          actions.add(
              fail(
                  p.origin,
                  p.originId,
                  new ResourcesExceededException(refusal + " (after " + slot.name + " left)")));
        }
      }
      place(actions);
    }
    actions.forEach(Runnable::run);
  }

  /** Members' whole allotments by name, in join order. */
  synchronized Map<String, Resources> totals() {
    Map<String, Resources> out = new LinkedHashMap<>();
    slots.values().forEach(s -> out.put(s.name, s.ledger.total()));
    return out;
  }

  /**
   * Why {@code asked} can never start on members of these allotments nor on a worker of {@code
   * growth} (null: the cluster does not grow), or null if one fits: the message gives what was
   * asked, the largest member and the cluster's total.
   */
  static String refusal(Resources asked, Map<String, Resources> allotments, Resources growth) {
    if (allotments.values().stream().anyMatch(a -> new Ledger(a).canEverFit(asked))
        || (growth != null && new Ledger(growth).canEverFit(asked))) {
      return null;
    }
    String largest = "none";
    Resources biggest = null;
    double cpu = 0;
    long mem = 0;
    int gpu = 0;
    for (Map.Entry<String, Resources> e : allotments.entrySet()) {
      Resources a = e.getValue();
      cpu += a.cpu();
      mem += a.mem();
      gpu += a.gpu();
      if (biggest == null
          || a.milliCpu() > biggest.milliCpu()
          || (a.milliCpu() == biggest.milliCpu() && a.mem() > biggest.mem())) {
        biggest = a;
        largest = e.getKey() + " with " + a;
      }
    }
    return "a task asks "
        + asked
        + " but no member of the job's cluster can hold it: the largest member is "
        + largest
        + " and the cluster's "
        + allotments.size()
        + " members have "
        + new Resources(cpu, mem, gpu)
        + " in all"
        + (growth == null ? "" : " (a worker added by auto-scaling would have " + growth + ")")
        + ", so it could never start; ask for less, or run the job with larger workers (run config"
        + " worker cpu and memory)";
  }

  /**
   * How many new workers of {@code worker}'s allotment the waiting tasks need, at most {@code
   * most}: the waiting tasks are packed first fit into the free part of the members (but those
   * being removed), then into the {@code pending} workers asked for and not yet joined, then into
   * new workers. Tasks no worker could hold (they wait for a larger member) need none.
   */
  synchronized int workersWanted(Resources worker, int pending, int most) {
    if (most <= 0 || waiting.isEmpty()) {
      return 0;
    }
    List<Ledger> bins = new ArrayList<>();
    slots.values().stream().filter(s -> !s.retiring).forEach(s -> bins.add(s.ledger.copy()));
    for (int i = 0; i < pending; i++) {
      bins.add(new Ledger(worker));
    }
    int added = 0;
    for (Placement p : waiting) {
      if (bins.stream().anyMatch(b -> b.tryTake(p.asked))) {
        continue;
      }
      Ledger fresh = new Ledger(worker);
      if (fresh.tryTake(p.asked)) {
        bins.add(fresh);
        if (++added == most) {
          break;
        }
      }
    }
    return added;
  }

  /** Workers in the cluster and not being removed. */
  synchronized int workers() {
    return (int) slots.values().stream().filter(s -> s.worker && !s.retiring).count();
  }

  /**
   * The workers (not being removed) that have run no task for at least {@code idle}, longest idle
   * first.
   */
  synchronized List<UUID> idleWorkers(Duration idle) {
    long now = System.nanoTime();
    return slots.entrySet().stream()
        .filter(e -> e.getValue().worker && !e.getValue().retiring)
        .filter(e -> e.getValue().running.isEmpty())
        .filter(e -> now - e.getValue().idleSince >= idle.toNanos())
        .sorted(Comparator.comparingLong(e -> e.getValue().idleSince))
        .map(Map.Entry::getKey)
        .toList();
  }

  /**
   * Stops placing tasks on an idle worker so that it can be removed; false (and nothing changes)
   * when it runs a task again, or has left.
   */
  synchronized boolean retire(UUID member) {
    Slot slot = slots.get(member);
    if (slot == null || !slot.running.isEmpty()) {
      return false;
    }
    slot.retiring = true;
    return true;
  }

  /** A worker whose removal failed takes tasks again. */
  void unretire(UUID member) {
    List<Runnable> actions = new ArrayList<>();
    synchronized (this) {
      Slot slot = slots.get(member);
      if (slot != null) {
        slot.retiring = false;
        slot.idleSince = System.nanoTime();
      }
      place(actions);
    }
    actions.forEach(Runnable::run);
  }

  /** Tasks waiting to be placed. */
  synchronized int waiting() {
    return waiting.size();
  }

  /** True when a member of this name is in the cluster. */
  synchronized boolean hasMember(String name) {
    return slots.values().stream().anyMatch(s -> s.name.equals(name));
  }

  /** The name a member joined with, or null when it is not (or no longer) in the cluster. */
  synchronized String nameOf(UUID member) {
    Slot slot = slots.get(member);
    return slot == null ? null : slot.name;
  }

  private void place(List<Runnable> actions) {
    while (!waiting.isEmpty()) {
      Placement p = waiting.peek();
      Map.Entry<UUID, Slot> best = null;
      for (Map.Entry<UUID, Slot> e : slots.entrySet()) {
        Slot s = e.getValue();
        if (!s.retiring
            && s.ledger.fits(p.asked)
            && (best == null || s.running.size() < best.getValue().running.size())) {
          best = e;
        }
      }
      if (best == null) {
        return; // the head waits for room; those behind it wait their turn (first in, first out)
      }
      waiting.poll();
      Slot slot = best.getValue();
      slot.ledger.take(p.asked);
      slot.running.put(p.id, p);
      placedOn.put(p.id, slot);
      p.runs++;
      UUID member = best.getKey();
      byte[] task = p.task;
      if (!p.retryable) {
        p.task = null; // sent once: do not keep every task's bytes until it ends
      }
      actions.add(() -> dispatch.run(member, p.id, task));
    }
  }

  private Runnable fail(UUID origin, long originId, RuntimeException why) {
    TaskCodec.Outcome outcome = TaskCodec.encodeFailure(why);
    return () -> dispatch.deliver(origin, originId, outcome);
  }

  /**
   * One member: its ledger, the tasks placed on it, since when it has had none, and whether it is
   * being removed (it takes no more tasks).
   */
  private static final class Slot {
    final String name;
    final Ledger ledger;
    final boolean worker;
    final Map<Long, Placement> running = new HashMap<>();
    long idleSince = System.nanoTime();
    boolean retiring;

    Slot(String name, Ledger ledger, boolean worker) {
      this.name = name;
      this.ledger = ledger;
      this.worker = worker;
    }
  }

  /** A task queued or placed by the driver. */
  private static final class Placement {
    final long id;
    final UUID origin;
    final long originId;
    final Resources asked;
    final boolean retryable;
    byte[] task;
    int runs;
    boolean held;

    Placement(
        long id, UUID origin, long originId, Resources asked, byte[] task, boolean retryable) {
      this.id = id;
      this.origin = origin;
      this.originId = originId;
      this.asked = asked;
      this.task = task;
      this.retryable = retryable;
    }
  }
}
