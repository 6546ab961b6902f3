package io.qserverless.quantum.backends;

import io.qserverless.quantum.QuantumException;

/**
 * A backend cannot be found or its description file is malformed. The message names the backend or
 * file, the offending field or value, and the expected form.
 */
public class BackendException extends QuantumException {
  private static final long serialVersionUID = 1L;

  public BackendException(String message) {
    super(message);
  }

  public BackendException(String message, Throwable cause) {
    super(message, cause);
  }
}
