package io.qserverless.quantum.primitives;

import io.qserverless.quantum.circuit.Measure;
import io.qserverless.quantum.circuit.QuantumCircuit;
import java.util.List;

/** Checks and binds primitive inputs: parameter values in the circuit's parameter order. */
final class Parameters {
  private Parameters() {}

  static QuantumCircuit bind(QuantumCircuit circuit, List<? extends Number> values) {
    if (values.isEmpty() && !circuit.isParameterized()) {
      return circuit;
    }
    return circuit.assignParameters(values);
  }

  /**
   * Sampling a circuit without measurements is a mistake (a forgotten measureAll), as in Qiskit.
   */
  static void requireMeasurements(QuantumCircuit circuit, int index) {
    boolean measured = circuit.data().stream().anyMatch(in -> in.operation() instanceof Measure);
    if (!measured) {
      throw new IllegalArgumentException(
          "circuit "
              + index
              + " ('"
              + circuit.name()
              + "') has no measurements, so there is nothing to sample: "
              + "add them, e.g. circuit.measureAll()");
    }
  }
}
