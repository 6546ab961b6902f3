package io.qserverless.runtime;

import io.qserverless.protocol.JobEnvironment;
import io.qserverless.runtime.cluster.Ledger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * Runs a job's distributed tasks on this machine, starting each only when its {@link Resources} fit
 * the job's free allotment (Ray's admission rule), on one virtual thread per task.
 *
 * <p>Waiting tasks start in submission order (first in, first out): a large task at the head is
 * never overtaken for ever by small ones. A task that asks more than the whole allotment is refused
 * at once, since it could never start.
 *
 * <p>Nested tasks do not deadlock: a task that blocks in {@link #await} gives its allotment back
 * while it waits and takes it again when it wakes, even if that briefly over-commits the allotment
 * (waiting for it could deadlock when the tasks holding it wait for the same thing).
 *
 * <p>Thread-safe; the ledger is guarded by {@code this}.
 */
final class LocalTaskExecutor implements TaskExecutor {
  private static final ThreadLocal<TaskRef<?>> CURRENT = new ThreadLocal<>();

  private final Ledger ledger;
  private final ThreadFactory threads = Thread.ofVirtual().name("task-", 1).factory();
  private final ArrayDeque<Queued<?>> waiting = new ArrayDeque<>();
  private long lastId;

  LocalTaskExecutor(Resources limit) {
    this.ledger = new Ledger(limit);
  }

  @Override
  public Resources limit() {
    return ledger.total();
  }

  @Override
  public <T> TaskRef<T> submit(Resources asked, Task<T> task) {
    Queued<T> q;
    synchronized (this) {
      if (!ledger.canEverFit(asked)) {
        throw new ResourcesExceededException(
            "a task asks "
                + asked
                + " but the job's whole allotment is "
                + ledger.total()
                + " (free now: "
                + ledger.free()
                + "), so it could never start; ask for less, or run the job "
                + "with a larger allotment (run config cpu and mem; "
                + JobEnvironment.JOB_CPU
                + ", "
                + JobEnvironment.JOB_MEMORY
                + ", "
                + JobEnvironment.JOB_GPU
                + ")");
      }
      q = new Queued<>(new TaskRef<>(++lastId, asked), task);
      if (!waiting.isEmpty() || !ledger.tryTake(asked)) {
        waiting.add(q);
        return q.ref;
      }
    }
    start(q);
    return q.ref;
  }

  /**
   * Waits for every task of {@code refs} and returns their results in order; a task that waits
   * gives its allotment back meanwhile. The first failed task (in order) throws.
   */
  @Override
  public <T> List<T> get(List<TaskRef<T>> refs) {
    await(refs);
    return TaskRef.results(refs);
  }

  private void await(List<? extends TaskRef<?>> refs) {
    TaskRef<?> self = CURRENT.get();
    boolean allDone = refs.stream().allMatch(TaskRef::isDone);
    if (self != null && !allDone) {
      release(self.resources());
    }
    try {
      TaskRef.awaitAll(refs);
    } finally {
      if (self != null && !allDone) {
        synchronized (this) {
          ledger.take(self.resources());
        }
      }
    }
  }

  private void start(Queued<?> q) {
    threads.newThread(q).start();
  }

  private void release(Resources r) {
    List<Queued<?>> ready = new ArrayList<>();
    synchronized (this) {
      ledger.release(r);
      while (!waiting.isEmpty() && ledger.tryTake(waiting.peek().ref.resources())) {
        ready.add(waiting.poll());
      }
    }
    ready.forEach(this::start);
  }

  /** A task waiting for, or holding, its share of the allotment. */
  private final class Queued<T> implements Runnable {
    final TaskRef<T> ref;
    final Task<T> task;

    Queued(TaskRef<T> ref, Task<T> task) {
      this.ref = ref;
      this.task = task;
    }

    @Override
    public void run() {
      CURRENT.set(ref);
      T value = null;
      Throwable failure = null;
      try {
        value = task.call();
      } catch (Throwable t) {
        failure = t;
      } finally {
        CURRENT.remove();
        release(ref.resources());
      }
      if (failure == null) {
        ref.outcome.complete(value);
      } else {
        ref.outcome.completeExceptionally(failure);
      }
    }
  }
}
