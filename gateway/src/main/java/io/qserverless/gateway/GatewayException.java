package io.qserverless.gateway;

/**
 * Root of the failures a gateway user can cause; each subclass names one kind of refusal.
 *
 * <p>The message is the whole answer a user gets (what failed, the value, the limit, what to do),
 * so it must never carry internals. The HTTP layer maps each subclass to one status in a single
 * table ({@code io.qserverless.gateway.http.ErrorStatus}).
 */
public abstract sealed class GatewayException extends RuntimeException
    permits InvalidInputException, UnauthenticatedException, NotAllowedException, NotFoundException,
        ConflictException, TooLargeException, FunctionDisabledException, JobLimitException {
  protected GatewayException(String message) {
    super(message, null, false, false);
  }
}
