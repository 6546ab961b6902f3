package io.qserverless.gateway.error;

/** No token, or a token the gateway does not know (or revoked). */
public final class UnauthenticatedException extends RequestRefusedException {
  public UnauthenticatedException(String message) {
    super(message);
  }
}
