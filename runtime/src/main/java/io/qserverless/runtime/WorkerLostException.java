package io.qserverless.runtime;

/**
 * The cause of the {@link TaskFailedException} of a task whose worker JVM left the job's cluster
 * (it ended, was killed or lost its connection) while the task ran there. The message names the
 * worker. Mark a task {@link Task#retryable} to have it re-run instead.
 */
public final class WorkerLostException extends ServerlessException {
  public WorkerLostException(String message) {
    super(message);
  }
}
