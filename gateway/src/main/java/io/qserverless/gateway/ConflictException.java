package io.qserverless.gateway;

/** The request clashes with what exists, e.g. a user name already taken. */
public final class ConflictException extends GatewayException {
  public ConflictException(String message) {
    super(message);
  }
}
