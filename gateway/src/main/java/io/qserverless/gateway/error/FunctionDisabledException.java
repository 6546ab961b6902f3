package io.qserverless.gateway.error;

/** The function exists but its owner has disabled it (POST /api/v1/programs/{title}/disable/). */
public final class FunctionDisabledException extends RequestRefusedException {
  public FunctionDisabledException(String message) {
    super(message);
  }
}
