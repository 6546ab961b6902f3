package io.qserverless.client;

/**
 * The root of the client SDK's own exceptions (a failed or canceled job, a wait that ran out, a
 * bad function description). A failed gateway call is a {@link
 * io.qserverless.protocol.http.GatewayException} carrying the gateway's message.
 */
public class ServerlessClientException extends RuntimeException {
  public ServerlessClientException(String message) {
    super(message);
  }
}
