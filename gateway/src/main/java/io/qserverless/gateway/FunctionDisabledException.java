package io.qserverless.gateway;

/** The function exists but has been disabled by an administrator. */
public final class FunctionDisabledException extends GatewayException {
  public FunctionDisabledException(String message) {
    super(message);
  }
}
