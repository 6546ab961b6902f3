package io.qserverless.runtime;

import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * A distributed task: a {@link Callable} that can travel to another JVM of the job's cluster.
 *
 * <p>A lambda passed to {@link Serverless#distribute(Resources, Task)} is serializable because this
 * type is, so programs write {@code distribute(Resources.cpu(1), () -> work(x))} whether or not the
 * job has workers. What the lambda captures (here {@code x}) travels with it and must be {@link
 * Serializable} too when the job has workers; {@code distribute} refuses a task that captures
 * anything else, naming the type.
 *
 * @param <T> the type of the task's result (also {@link Serializable} when the job has workers)
 */
@FunctionalInterface
public interface Task<T> extends Callable<T>, Serializable {
  /**
   * {@code task}, marked safe to run again: if the worker running it dies, it is re-run on another
   * member (up to 3 runs in all, as Ray retries a task 3 times) instead of failing. Mark only tasks
   * whose side effects may happen twice.
   */
  static <T> Task<T> retryable(Task<T> task) {
    return new RetryableTask<>(task);
  }
}
