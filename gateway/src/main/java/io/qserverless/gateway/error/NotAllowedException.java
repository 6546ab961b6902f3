package io.qserverless.gateway.error;

/** The caller is known but may not do this (not an admin, or a job token outside its job). */
public final class NotAllowedException extends RequestRefusedException {
  public NotAllowedException(String message) {
    super(message);
  }
}
