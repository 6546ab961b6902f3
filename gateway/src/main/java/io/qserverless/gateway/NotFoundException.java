package io.qserverless.gateway;

/** No such job, function or file for this caller; another user's things are reported the same way. */
public final class NotFoundException extends GatewayException {
  public NotFoundException(String message) {
    super(message);
  }
}
