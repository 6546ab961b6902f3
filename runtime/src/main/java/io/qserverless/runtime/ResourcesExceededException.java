package io.qserverless.runtime;

/**
 * Thrown by {@link Serverless#distribute(Resources, Task)} when a task asks for more than the job's
 * whole allotment, so it could never start. The message gives what was asked, what is free and the
 * limit.
 */
public final class ResourcesExceededException extends ServerlessException {
  public ResourcesExceededException(String message) {
    super(message);
  }
}
