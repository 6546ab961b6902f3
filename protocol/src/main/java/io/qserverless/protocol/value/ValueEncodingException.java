package io.qserverless.protocol.value;

import io.qserverless.protocol.ProtocolException;

/**
 * A value that cannot travel as JSON (an unsupported type, a NaN, a non-string map key) or JSON
 * text that does not decode to a value (bad syntax, an unknown {@code __type__}).
 *
 * <p>The message names the place in the value ({@code $.results[2]}) so that the caller can find
 * the offending part of a large argument or result.
 */
public final class ValueEncodingException extends ProtocolException {
  public ValueEncodingException(String message) {
    super(message);
  }

  public ValueEncodingException(String message, Throwable cause) {
    super(message, cause);
  }
}
