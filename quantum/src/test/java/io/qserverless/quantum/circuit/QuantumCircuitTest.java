package io.qserverless.quantum.circuit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qserverless.quantum.circuit.internal.Unitaries;
import io.qserverless.quantum.math.ComplexMatrix;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuantumCircuitTest {

  @Test
  void bits_are_numbered_globally_in_register_order() {
    QuantumRegister a = new QuantumRegister(2, "a");
    QuantumRegister b = new QuantumRegister(3, "b");
    ClassicalRegister c = new ClassicalRegister(2, "c");
    QuantumCircuit qc = new QuantumCircuit(a, c, b);
    assertThat(qc.numQubits()).isEqualTo(5);
    assertThat(qc.qubit(b, 0)).isEqualTo(2);
    assertThat(qc.clbit(c, 1)).isEqualTo(1);
    assertThat(qc.qregs()).containsExactly(a, b);
  }

  @Test
  void measure_all_adds_meas_register_a_barrier_and_one_measure_per_qubit() {
    QuantumCircuit qc = new QuantumCircuit(2);
    qc.h(0).cx(0, 1).measureAll();
    assertThat(qc.cregs()).containsExactly(new ClassicalRegister(2, "meas"));
    assertThat(qc.data().get(2).operation()).isEqualTo(new Barrier(2));
    assertThat(qc.data().get(4).qubits()).containsExactly(1);
    assertThat(qc.data().get(4).clbits()).containsExactly(1);
    assertThat(qc.countOps())
        .containsExactly(
            Map.entry("measure", 2),
            Map.entry("barrier", 1),
            Map.entry("cx", 1),
            Map.entry("h", 1));
  }

  @Test
  void depth_counts_the_critical_path_and_barriers_add_none() {
    //      ┌───┐
    // q_0: ┤ H ├──■───░─
    //      └───┘┌─┴─┐ ░
    // q_1: ─────┤ X ├─░─
    //           └───┘ ░
    // q_2: ─X─────────░─
    QuantumCircuit qc = new QuantumCircuit(3);
    qc.h(0).cx(0, 1).x(2).barrier();
    assertThat(qc.depth()).isEqualTo(2);
    qc.x(2);
    assertThat(qc.depth()).isEqualTo(3);
  }

  @Test
  void bad_qubit_indices_are_refused_with_the_valid_range() {
    QuantumCircuit qc = new QuantumCircuit(2);
    assertThatThrownBy(() -> qc.cx(0, 2))
        .hasMessageContaining("qubit 2")
        .hasMessageContaining("0..1");
    assertThatThrownBy(() -> qc.cx(1, 1)).hasMessageContaining("twice");
    assertThat(qc.size()).isZero();
  }

  @Test
  void inverse_composed_with_the_circuit_is_the_identity() {
    QuantumCircuit qc = new QuantumCircuit(3);
    qc.h(0)
        .sx(1)
        .cu(0.3, 0.2, 0.1, 0.7, 0, 2)
        .iswap(1, 2)
        .u2(0.4, 1.1, 0)
        .rccx(0, 1, 2)
        .setGlobalPhase(0.25);
    ComplexMatrix product = Unitaries.of(qc.compose(qc.inverse()));
    assertThat(product.approxEquals(ComplexMatrix.identity(8), 1e-10)).isTrue();
  }

  @Test
  void parameters_bind_by_map_and_by_sorted_order() {
    Parameter theta = new Parameter("theta");
    Parameter alpha = new Parameter("alpha");
    QuantumCircuit qc = new QuantumCircuit(1);
    qc.rx(theta.mul(2), 0).rz(alpha.add(ParameterExpression.pi().div(2)), 0);
    assertThat(qc.parameters()).containsExactly(alpha, theta);
    QuantumCircuit bound = qc.assignParameters(List.of(0.5, 0.25));
    assertThat(bound.parameters()).isEmpty();
    assertThat(bound.data().get(0).operation().params().get(0).evaluate()).isEqualTo(0.5);
    assertThat(bound.data().get(1).operation().params().get(0).evaluate())
        .isEqualTo(0.5 + Math.PI / 2);
    QuantumCircuit half = qc.assignParameters(Map.of(theta, 1.0));
    assertThat(half.parameters()).containsExactly(alpha);
    assertThat(qc.data().get(0).operation().params().get(0).toString()).isEqualTo("theta*2");
  }

  @Test
  void a_user_gate_expands_to_its_body_with_actual_parameters() {
    Parameter t = new Parameter("t");
    QuantumCircuit body = new QuantumCircuit(2);
    body.h(0).crz(t, 0, 1);
    GateDefinition def = new GateDefinition("mygate", List.of(t), body);
    QuantumCircuit qc = new QuantumCircuit(2);
    qc.append(def.gate(ParameterExpression.of(0.8)), 1, 0);
    QuantumCircuit expected = new QuantumCircuit(2);
    expected.h(1).crz(0.8, 1, 0);
    assertThat(qc.decompose().data()).isEqualTo(expected.data());
    assertThat(
            def.gate(ParameterExpression.of(0.8))
                .matrix()
                .approxEquals(Unitaries.of(body.assignParameters(Map.of(t, 0.8))), 1e-12))
        .isTrue();
    assertThat(def.gate(ParameterExpression.of(0.8)).inverse().name()).isEqualTo("mygate_dg");
  }

  @Test
  void c_if_conditions_the_last_instruction() {
    QuantumCircuit qc = new QuantumCircuit(1, 2);
    qc.x(0).cIf(new ClassicalRegister(2, "c"), 2);
    assertThat(qc.data().get(0).condition().value()).isEqualTo(2);
    assertThat(qc.data().get(0).condition().clbits()).containsExactly(0, 1);
    assertThatThrownBy(() -> new QuantumCircuit(1, 1).x(0).cIf(0, 2))
        .hasMessageContaining("does not fit");
  }

  @Test
  void draw_shows_one_line_per_bit_with_controls_and_measurements() {
    QuantumCircuit qc = new QuantumCircuit(2);
    qc.h(0).cx(0, 1).measureAll();
    String drawing = qc.draw();
    assertThat(drawing.lines()).hasSize(4);
    assertThat(drawing.lines().toList().get(0)).startsWith("   q_0: ").contains("H", "■", "M");
    assertThat(drawing.lines().toList().get(1)).contains("X");
    assertThat(drawing.lines().toList().get(2)).startsWith("meas_0: ").contains("╩");
  }
}
