package io.qserverless.quantum.qasm2;

import io.qserverless.quantum.circuit.CircuitInstruction;
import io.qserverless.quantum.circuit.ClassicalRegister;
import io.qserverless.quantum.circuit.Gate;
import io.qserverless.quantum.circuit.GateDefinition;
import io.qserverless.quantum.circuit.Measure;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.circuit.QuantumRegister;
import io.qserverless.quantum.circuit.StandardGate;
import io.qserverless.quantum.math.ComplexMatrix;
import io.qserverless.quantum.qasm2.internal.GateLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Test helpers: the sample programs under test resources, random circuits, and the state a circuit
 * prepares.
 */
public final class QasmPrograms {

  private QasmPrograms() {}

  /** The text of a test resource in this package or {@code qasm3}, e.g. {@code qasm2/bell.qasm}. */
  public static String resource(String path) {
    try (InputStream in =
        QasmPrograms.class.getResourceAsStream("/io/qserverless/quantum/" + path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A circuit on registers q[3], r[2], c[5] of 30 random gates that the include file of OpenQASM
   * {@code version} names, with random angles (a quarter of them multiples of pi), some of them
   * conditioned (on register c, or in version 3 also on single bits), then a barrier, a measurement
   * and a reset.
   */
  public static QuantumCircuit randomCircuit(Random random, int version) {
    List<StandardGate> gates =
        Arrays.stream(StandardGate.values())
            .filter(
                g -> !g.isVariableSize() && GateLibrary.nameFor(g, g.numQubits(), version) != null)
            .toList();
    ClassicalRegister c = new ClassicalRegister(5, "c");
    QuantumCircuit qc =
        new QuantumCircuit(new QuantumRegister(3, "q"), new QuantumRegister(2, "r"), c);
    for (int k = 0; k < 30; k++) {
      StandardGate g = gates.get(random.nextInt(gates.size()));
      double[] params = random.doubles(g.numParams(), -7, 7).toArray();
      if (random.nextInt(4) == 0 && params.length > 0) {
        params[0] = Math.PI * (random.nextInt(9) - 4) / (1 + random.nextInt(8));
      }
      qc.append(g.gate(params), random.ints(0, 5).distinct().limit(g.numQubits()).toArray());
      int condition = random.nextInt(8);
      if (condition == 0) {
        qc.cIf(c, random.nextInt(32));
      } else if (condition == 1 && version == 3) {
        qc.cIf(random.nextInt(5), random.nextInt(2));
      }
    }
    return qc.barrier().measure(0, 4).reset(1);
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

  /**
   * The probabilities of the basis states the circuit prepares from |0...0>, before measurement.
   */
  public static double[] probabilities(QuantumCircuit circuit) {
    ComplexMatrix u = unitary(circuit);
    double[] p = new double[u.dim()];
    for (int i = 0; i < p.length; i++) {
      p[i] = u.re(i, 0) * u.re(i, 0) + u.im(i, 0) * u.im(i, 0);
    }
    return p;
  }
}
