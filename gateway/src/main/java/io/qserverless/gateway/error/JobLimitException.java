package io.qserverless.gateway.error;

/** The caller already has as many active jobs as the per-user limit allows. */
public final class JobLimitException extends RequestRefusedException {
  public JobLimitException(String message) {
    super(message);
  }
}
