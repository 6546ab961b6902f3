package io.qserverless.quantum.qasm2.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.qserverless.quantum.circuit.Gate;
import io.qserverless.quantum.circuit.ParameterExpression;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.qasm2.Qasm2;
import io.qserverless.quantum.qasm2.QasmPrograms;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GateLibraryTest {

  private static final double[] ANGLES = {0.3, -0.7, 1.1, 1.9};

  @Test
  void every_definition_in_the_bundled_qelib1_acts_as_the_standard_gate_it_stands_for() {
    // Read the bundled file as user gates (no include), call each, and compare with the model's
    // matrix.
    String definitions = QasmPrograms.resource("qasm2/qelib1.inc");
    StringBuilder calls = new StringBuilder("qreg q[5];\n");
    List<GateSignature> standard =
        GateLibrary.qelib1().values().stream().filter(g -> g.standard() != null).toList();
    for (GateSignature g : standard) {
      String args =
          Arrays.stream(ANGLES)
              .limit(g.numParams())
              .mapToObj(Double::toString)
              .collect(Collectors.joining(","));
      String qubits =
          IntStream.range(0, g.numQubits())
              .mapToObj(i -> "q[" + i + "]")
              .collect(Collectors.joining(","));
      calls
          .append(g.name())
          .append(args.isEmpty() ? "" : "(" + args + ")")
          .append(' ')
          .append(qubits)
          .append(";\n");
    }
    QuantumCircuit qc = Qasm2.loads(definitions + calls);
    assertThat(standard).hasSizeGreaterThan(35);
    assertThat(qc.data()).hasSize(standard.size());
    for (int i = 0; i < standard.size(); i++) {
      GateSignature g = standard.get(i);
      Gate fromFile = (Gate) qc.data().get(i).operation();
      ParameterExpression[] params =
          Arrays.stream(ANGLES)
              .limit(g.numParams())
              .mapToObj(ParameterExpression::of)
              .toArray(ParameterExpression[]::new);
      Gate model = g.instantiate(List.of(params));
      assertThat(fromFile.matrix().equivalentUpToPhase(model.matrix(), 1e-12))
          .as(g.name())
          .isTrue();
    }
  }
}
