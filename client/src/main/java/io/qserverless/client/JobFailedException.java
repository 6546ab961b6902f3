package io.qserverless.client;

/**
 * Thrown by {@link Job#result()} when the job ended in ERROR (the message is the job's error
 * message) or was CANCELED.
 */
public final class JobFailedException extends ServerlessClientException {
  private final String status;

  public JobFailedException(String status, String message) {
    super(message);
    this.status = status;
  }

  /** The status the job ended in, as shown: ERROR or CANCELED. */
  public String status() {
    return status;
  }
}
