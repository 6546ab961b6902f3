package io.qserverless.quantum;

/**
 * The root of every failure the quantum toolkit reports about a user's circuit, program text,
 * backend or simulation: catch this one type to handle them all. Each subtype's message names the
 * offending value, the limit or expected form, and what to do next.
 *
 * <p>Programming errors (a null argument, an index out of range) stay the JDK's own exceptions.
 */
public abstract class QuantumException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected QuantumException(String message) {
    super(message);
  }

  protected QuantumException(String message, Throwable cause) {
    super(message, cause);
  }
}
