package io.qserverless.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A reference to a distributed task, returned at once by {@link Serverless#distribute}; pass it to
 * {@link Serverless#get(TaskRef)} for the task's result.
 *
 * @param <T> the type of the task's result
 */
public final class TaskRef<T> {
  private final long id;
  private final Resources resources;
  final CompletableFuture<T> outcome;

  TaskRef(long id, Resources resources) {
    this(id, resources, new CompletableFuture<>());
  }

  TaskRef(long id, Resources resources, CompletableFuture<T> outcome) {
    this.id = id;
    this.resources = resources;
    this.outcome = outcome;
  }

  /** The task's number within this job, from 1 in the order tasks were distributed. */
  public long id() {
    return id;
  }

  public Resources resources() {
    return resources;
  }

  /** True once the task has returned or thrown. */
  public boolean isDone() {
    return outcome.isDone();
  }

  /** Blocks until every task of {@code refs} has returned or thrown. */
  static void awaitAll(List<? extends TaskRef<?>> refs) {
    for (TaskRef<?> ref : refs) {
      try {
        ref.outcome.join();
      } catch (CompletionException ignored) {
        // reported by results, which reads each outcome in order
      }
    }
  }

  /** The results of finished tasks in order; the first failed one (in order) throws. */
  static <T> List<T> results(List<TaskRef<T>> refs) {
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

  @Override
  public String toString() {
    return "TaskRef[" + id + ", " + resources + (isDone() ? ", done]" : "]");
  }
}
