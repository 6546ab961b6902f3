package io.qserverless.runtime;

import java.util.concurrent.CompletableFuture;

/**
 * A reference to a distributed task, returned at once by {@link Serverless#distribute}; pass it
 * to {@link Serverless#get(TaskRef)} for the task's result.
 *
 * @param <T> the type of the task's result
 */
public final class TaskRef<T> {
  private final long id;
  private final Resources resources;
  final CompletableFuture<T> outcome = new CompletableFuture<>();

  TaskRef(long id, Resources resources) {
    this.id = id;
    this.resources = resources;
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

  @Override
  public String toString() {
    return "TaskRef[" + id + ", " + resources + (isDone() ? ", done]" : "]");
  }
}
