package io.qserverless.quantum.simulator;

import io.qserverless.quantum.QuantumException;

/**
 * A circuit the simulator cannot run as asked: too many qubits or outcome branches for an exact
 * answer, unbound parameters, or an instruction it does not simulate. The message says which limit
 * was hit and the way out (usually: sample with shots).
 */
public class SimulatorException extends QuantumException {
  private static final long serialVersionUID = 1L;

  public SimulatorException(String message) {
    super(message);
  }

  public SimulatorException(String message, Throwable cause) {
    super(message, cause);
  }
}
