package io.qserverless.runtime;

import io.qserverless.protocol.JobEnvironment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadFactory;

/**
 * Runs a job's distributed tasks on this machine, starting each only when its {@link Resources}
 * fit the job's free allotment (Ray's admission rule), on one virtual thread per task.
 *
 * <p>Waiting tasks start in submission order (first in, first out): a large task at the head is
 * never overtaken for ever by small ones. A task that asks more than the whole allotment is
 * refused at once, since it could never start.
 *
 * <p>Nested tasks do not deadlock: a task that blocks in {@link #await} gives its allotment back
 * while it waits and takes it again when it wakes, even if that briefly over-commits the
 * allotment (waiting for it could deadlock when the tasks holding it wait for the same thing).
 *
 * <p>Thread-safe; the ledger is guarded by {@code this}.
 */
final class TaskExecutor {
  private static final ThreadLocal<TaskRef<?>> CURRENT = new ThreadLocal<>();

  private final Resources limit;
  private final ThreadFactory threads = Thread.ofVirtual().name("task-", 1).factory();
  private final ArrayDeque<Queued<?>> waiting = new ArrayDeque<>();
  private long freeMilliCpu;
  private long freeMem;
  private long freeGpu;
  private long lastId;

  TaskExecutor(Resources limit) {
    this.limit = limit;
    this.freeMilliCpu = limit.milliCpu();
    this.freeMem = limit.mem();
    this.freeGpu = limit.gpu();
  }

  Resources limit() {
    return limit;
  }

  <T> TaskRef<T> submit(Resources asked, Callable<T> task) {
    Queued<T> q;
    synchronized (this) {
      if (asked.milliCpu() > limit.milliCpu() || asked.mem() > limit.mem() || asked.gpu() > limit.gpu()) {
        throw new ResourcesExceededException("a task asks " + asked + " but the job's whole allotment is "
            + limit + " (free now: " + free() + "), so it could never start; ask for less, or run the job "
            + "with a larger allotment (run config cpu and mem; " + JobEnvironment.JOB_CPU + ", " + JobEnvironment.JOB_MEMORY
            + ", " + JobEnvironment.JOB_GPU + ")");
      }
      q = new Queued<>(new TaskRef<>(++lastId, asked), task);
      if (!waiting.isEmpty() || !tryTake(asked)) {
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
  <T> List<T> get(List<TaskRef<T>> refs) {
    await(refs);
    List<T> results = new ArrayList<>(refs.size());
    for (TaskRef<T> ref : refs) {
      try {
        results.add(ref.outcome.join());
      } catch (CompletionException e) {
        Throwable cause = e.getCause();
        throw new TaskFailedException("task " + ref.id() + " failed: " + cause, cause);
      }
    }
    return results;
  }

  private void await(List<? extends TaskRef<?>> refs) {
    TaskRef<?> self = CURRENT.get();
    boolean allDone = refs.stream().allMatch(TaskRef::isDone);
    if (self != null && !allDone) {
      release(self.resources());
    }
    try {
      for (TaskRef<?> ref : refs) {
        try {
          ref.outcome.join();
        } catch (CompletionException ignored) {
          // reported by get, which reads each outcome in order
        }
      }
    } finally {
      if (self != null && !allDone) {
        synchronized (this) {
          take(self.resources());
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
      freeMilliCpu += r.milliCpu();
      freeMem += r.mem();
      freeGpu += r.gpu();
      while (!waiting.isEmpty() && tryTake(waiting.peek().ref.resources())) {
        ready.add(waiting.poll());
      }
    }
    ready.forEach(this::start);
  }

  private boolean tryTake(Resources r) {
    if (r.milliCpu() > freeMilliCpu || r.mem() > freeMem || r.gpu() > freeGpu) {
      return false;
    }
    take(r);
    return true;
  }

  private void take(Resources r) {
    freeMilliCpu -= r.milliCpu();
    freeMem -= r.mem();
    freeGpu -= r.gpu();
  }

  private Resources free() {
    return new Resources(Math.max(0, freeMilliCpu) / 1000.0, Math.max(0, freeMem), (int) Math.max(0, freeGpu));
  }

  /** A task waiting for, or holding, its share of the allotment. */
  private final class Queued<T> implements Runnable {
    final TaskRef<T> ref;
    final Callable<T> task;

    Queued(TaskRef<T> ref, Callable<T> task) {
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
