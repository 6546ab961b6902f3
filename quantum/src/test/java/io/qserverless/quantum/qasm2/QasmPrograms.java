package io.qserverless.quantum.qasm2;

import io.qserverless.quantum.circuit.CircuitInstruction;
import io.qserverless.quantum.circuit.Gate;
import io.qserverless.quantum.circuit.GateDefinition;
import io.qserverless.quantum.circuit.Measure;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.math.ComplexMatrix;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test helpers: the sample programs under test resources, and the state a circuit prepares. */
public final class QasmPrograms {

  private QasmPrograms() {}

  /** The text of a test resource in this package or {@code qasm3}, e.g. {@code qasm2/bell.qasm}. */
  public static String resource(String path) {
    try (InputStream in = QasmPrograms.class.getResourceAsStream("/io/qserverless/quantum/" + path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The unitary of the circuit's gates, final measurements and barriers left out. */
  public static ComplexMatrix unitary(QuantumCircuit circuit) {
    QuantumCircuit gates = new QuantumCircuit(circuit.numQubits());
    for (CircuitInstruction in : circuit.data()) {
      if (in.operation() instanceof Gate g) {
        gates.append(g, in.qubits());
      } else if (!(in.operation() instanceof Measure) && !in.operation().name().equals("barrier")) {
        throw new IllegalArgumentException("not a unitary circuit: " + in);
      }
    }
    gates.setGlobalPhase(circuit.globalPhase());
    return new GateDefinition("whole", List.of(), gates).gate().matrix();
  }

  /** The probabilities of the basis states the circuit prepares from |0...0>, before measurement. */
  public static double[] probabilities(QuantumCircuit circuit) {
    ComplexMatrix u = unitary(circuit);
    double[] p = new double[u.dim()];
    for (int i = 0; i < p.length; i++) {
      p[i] = u.re(i, 0) * u.re(i, 0) + u.im(i, 0) * u.im(i, 0);
    }
    return p;
  }
}
