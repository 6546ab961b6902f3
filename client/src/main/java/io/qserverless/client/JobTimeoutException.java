package io.qserverless.client;

/** Thrown by {@link Job#result(java.time.Duration)} when the job has not finished in time. */
public final class JobTimeoutException extends ServerlessClientException {
  public JobTimeoutException(String message) {
    super(message);
  }
}
