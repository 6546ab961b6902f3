package io.qserverless.gateway.error;

/**
 * Root of the failures a gateway user can cause; each subclass names one kind of refusal.
 *
 * <p>The message is the whole answer a user gets (what failed, the value, the limit, what to do),
 * so it must never carry internals. The HTTP layer maps each subclass to one status in a single
 * table ({@code io.qserverless.gateway.http.ErrorStatus}). Named apart from the SDK's {@code
 * io.qserverless.client.GatewayException} (the client side of the same answer), which the CLI
 * imports too.
 */
public abstract sealed class RequestRefusedException extends RuntimeException
    permits InvalidInputException,
        InvalidArgumentsException,
        UnauthenticatedException,
        NotAllowedException,
        NotFoundException,
        ConflictException,
        TooLargeException,
        FunctionDisabledException,
        JobLimitException,
        UpstreamFailedException {
  protected RequestRefusedException(String message) {
    super(message, null, false, false);
  }
}
