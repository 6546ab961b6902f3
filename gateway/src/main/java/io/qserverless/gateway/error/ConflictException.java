package io.qserverless.gateway.error;

/** The request clashes with what exists, e.g. a user name already taken. */
public final class ConflictException extends RequestRefusedException {
  public ConflictException(String message) {
    super(message);
  }
}
