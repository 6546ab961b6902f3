package io.qserverless.quantum.transpiler;

import io.qserverless.quantum.QuantumException;

/**
 * A circuit cannot be compiled for the requested target: it is wider than the device, uses a gate
 * with no known decomposition, or the target itself cannot express it. The message says which value
 * failed, the limit or expected form, and what to do next.
 */
public class TranspilerException extends QuantumException {
  private static final long serialVersionUID = 1L;

  public TranspilerException(String message) {
    super(message);
  }

  public TranspilerException(String message, Throwable cause) {
    super(message, cause);
  }
}
