package io.qserverless.runtime;

/** A task marked by {@link Task#retryable}: re-run when the member running it dies. */
record RetryableTask<T>(Task<T> task) implements Task<T> {
  @Override
  public T call() throws Exception {
    return task.call();
  }
}
