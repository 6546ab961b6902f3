package io.qserverless.gateway.error;

/**
 * No such job, function or file for this caller; another user's things are reported the same way.
 */
public final class NotFoundException extends RequestRefusedException {
  public NotFoundException(String message) {
    super(message);
  }
}
