package io.qserverless.client;

/**
 * A gateway call that failed: the gateway answered an error status (its {@code {"message"}} is this
 * exception's message) or could not be reached ({@link #status()} is 0).
 */
public final class GatewayException extends ServerlessClientException {
  private final int status;

  GatewayException(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The HTTP status the gateway answered (e.g. 404), or 0 when no answer came. */
  public int status() {
    return status;
  }
}
