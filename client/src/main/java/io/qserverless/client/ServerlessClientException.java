package io.qserverless.client;

/**
 * The root of the client SDK's exceptions: a gateway call that failed ({@link GatewayException}), a
 * failed or canceled job, a wait that ran out, a bad function description.
 */
public class ServerlessClientException extends RuntimeException {
  public ServerlessClientException(String message) {
    super(message);
  }

  public ServerlessClientException(String message, Throwable cause) {
    super(message, cause);
  }
}
