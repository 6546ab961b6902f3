package io.qserverless.gateway.error;

/** A body, archive, argument text, result or file over its configured size or count cap. */
public final class TooLargeException extends RequestRefusedException {
  public TooLargeException(String message) {
    super(message);
  }
}
