package io.qserverless.protocol;

/**
 * The root of the wire contract's failures: a value or circuit that cannot be encoded or decoded.
 * The message names the place in the value and what was expected there.
 */
public abstract class ProtocolException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected ProtocolException(String message) {
    super(message);
  }

  protected ProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}
