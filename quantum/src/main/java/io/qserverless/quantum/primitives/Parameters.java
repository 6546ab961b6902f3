package io.qserverless.quantum.primitives;

import io.qserverless.quantum.circuit.IfElse;
import io.qserverless.quantum.circuit.Measure;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.circuit.WhileLoop;
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
    if (!measures(circuit)) {
      throw new IllegalArgumentException(
          "circuit "
              + index
              + " ('"
              + circuit.name()
              + "') has no measurements, so there is nothing to sample: "
              + "add them, e.g. circuit.measureAll()");
    }
  }

  /** Whether the circuit measures into a bit, perhaps only inside a loop or an if/else. */
  private static boolean measures(QuantumCircuit circuit) {
    return circuit.data().stream()
        .anyMatch(
            in ->
                switch (in.operation()) {
                  case Measure m -> true;
                  case WhileLoop w -> measures(w.body());
                  case IfElse f -> measures(f.then()) || measures(f.otherwise());
                  default -> false;
                });
  }
}
