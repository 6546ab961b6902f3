package io.qserverless.protocol.circuit;

import io.qserverless.protocol.ProtocolException;

/**
 * JSON that does not decode to a circuit; the message names the place ({@code
 * $.instructions[3].qubits}) and what was expected there.
 */
public final class CircuitJsonException extends ProtocolException {
  public CircuitJsonException(String path, String message) {
    super("invalid circuit JSON at " + path + ": " + message);
  }

  public CircuitJsonException(String path, String message, Throwable cause) {
    super("invalid circuit JSON at " + path + ": " + message, cause);
  }
}
