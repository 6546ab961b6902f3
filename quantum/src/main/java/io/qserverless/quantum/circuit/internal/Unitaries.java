package io.qserverless.quantum.circuit.internal;

import io.qserverless.quantum.circuit.Barrier;
import io.qserverless.quantum.circuit.CircuitInstruction;
import io.qserverless.quantum.circuit.Delay;
import io.qserverless.quantum.circuit.Gate;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.math.ComplexMatrix;

/** Computes the unitary of a gate-only circuit by applying each gate to every basis column. */
public final class Unitaries {
  /** 2^12 x 2^12 complex doubles is 256 MiB: beyond that a unitary is the wrong tool. */
  public static final int MAX_QUBITS = 12;

  private Unitaries() {}

  public static ComplexMatrix of(QuantumCircuit circuit) {
    int n = circuit.numQubits();
    if (n > MAX_QUBITS) {
      throw new IllegalArgumentException(
          "the unitary of circuit '"
              + circuit.name()
              + "' on "
              + n
              + " qubits is too large: at most "
              + MAX_QUBITS
              + " qubits; simulate a statevector instead");
    }
    int dim = 1 << n;
    double[][] columns = new double[dim][2 * dim];
    for (int j = 0; j < dim; j++) {
      columns[j][2 * j] = 1;
    }
    for (CircuitInstruction in : circuit.data()) {
      if (in.operation() instanceof Barrier || in.operation() instanceof Delay) {
        continue;
      }
      if (!(in.operation() instanceof Gate g) || in.condition() != null) {
        throw new IllegalArgumentException(
            "circuit '"
                + circuit.name()
                + "' has no unitary: it contains '"
                + in
                + "'; remove measurements, resets and conditions");
      }
      ComplexMatrix m = g.matrix();
      int[] qubits = in.qubits();
      for (double[] column : columns) {
        m.applyTo(column, n, qubits);
      }
    }
    double phase = circuit.globalPhase().evaluate();
    double c = Math.cos(phase), s = Math.sin(phase);
    double[] a = new double[2 * dim * dim];
    for (int j = 0; j < dim; j++) {
      for (int i = 0; i < dim; i++) {
        double re = columns[j][2 * i], im = columns[j][2 * i + 1];
        a[2 * (i * dim + j)] = re * c - im * s;
        a[2 * (i * dim + j) + 1] = re * s + im * c;
      }
    }
    return ComplexMatrix.of(dim, a);
  }
}
