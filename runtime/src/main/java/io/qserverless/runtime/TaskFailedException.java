package io.qserverless.runtime;

/**
 * Thrown by {@link Serverless#get(TaskRef)} when the task threw: the cause is the task's own
 * exception, with its type, message and stack trace.
 */
public final class TaskFailedException extends ServerlessException {
  public TaskFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
