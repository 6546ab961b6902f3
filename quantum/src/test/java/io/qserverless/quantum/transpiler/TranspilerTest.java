package io.qserverless.quantum.transpiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qserverless.quantum.backends.Backend;
import io.qserverless.quantum.backends.Backends;
import io.qserverless.quantum.circuit.CircuitInstruction;
import io.qserverless.quantum.circuit.GateDefinition;
import io.qserverless.quantum.circuit.Parameter;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.transpiler.preset.PresetPassManagers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Small circuits whose transpiled form is known by hand. */
class TranspilerTest {
  private static final Backend MANILA = Backends.get("fake_manila");

  private static long count(QuantumCircuit qc, String name) {
    return qc.data().stream().filter(i -> i.operation().name().equals(name)).count();
  }

  @Test
  void cx_between_uncoupled_qubits_on_the_line_needs_one_swap_at_level_0() {
    // q0 ──■──     on the line 0-1-2-3-4, qubits 0 and 2 are two hops apart:
    //      │       one swap (3 CX) brings them together, then the CX itself.
    // q2 ──X──
    QuantumCircuit qc = new QuantumCircuit(3, 3);
    qc.x(0).cx(0, 2).measure(0, 0).measure(1, 1).measure(2, 2);
    QuantumCircuit out = Transpiler.transpile(qc, MANILA, 0);
    assertThat(count(out, "cx")).isEqualTo(4);
    IsaChecks.assertIsa(out, MANILA);
    // |101⟩ read as c2 c1 c0: x on q0, then the CX flips q2.
    assertThat(MeasuredDistribution.of(out)).containsOnlyKeys(0b101L);
    TranspileLayout layout = TranspileLayout.of(out).orElseThrow();
    assertThat(layout.initialLayout()).containsExactly(0, 1, 2);
    assertThat(layout.finalLayout()).containsExactly(1, 0, 2);
  }

  @Test
  void cx_between_uncoupled_qubits_needs_no_swap_when_layout_is_free_to_choose() {
    QuantumCircuit qc = new QuantumCircuit(3, 3);
    qc.h(0).cx(0, 2).cx(2, 1).measure(0, 0).measure(1, 1).measure(2, 2);
    for (int level = 1; level <= 3; level++) {
      QuantumCircuit out = Transpiler.transpile(qc, MANILA, level);
      assertThat(count(out, "cx")).as("level %d", level).isEqualTo(2);
      Map<Long, Double> dist = MeasuredDistribution.of(out);
      assertThat(dist.get(0b000L)).isCloseTo(0.5, within(1e-9));
      assertThat(dist.get(0b111L)).isCloseTo(0.5, within(1e-9));
    }
  }

  @Test
  void bell_circuit_on_a_one_way_ecr_device_uses_one_ecr_on_an_allowed_edge() {
    Backend kolkata = Backends.get("fake_kolkata");
    QuantumCircuit qc = new QuantumCircuit(2, 2);
    qc.h(0).cx(0, 1).measure(0, 0).measure(1, 1);
    for (int level = 0; level <= 3; level++) {
      QuantumCircuit out = Transpiler.transpile(qc, kolkata, level);
      IsaChecks.assertIsa(out, kolkata);
      assertThat(count(out, "ecr")).isEqualTo(1);
      Map<Long, Double> dist = MeasuredDistribution.of(out);
      assertThat(dist).containsOnlyKeys(0b00L, 0b11L);
      assertThat(dist.get(0b11L)).isCloseTo(0.5, within(1e-9));
    }
  }

  @Test
  void level_one_merges_single_qubit_runs_into_at_most_five_gates() {
    QuantumCircuit qc = new QuantumCircuit(1, 1);
    qc.h(0).t(0).ry(0.3, 0).s(0).rx(1.1, 0).h(0).measure(0, 0);
    QuantumCircuit out = Transpiler.transpile(qc, MANILA, 1);
    assertThat(out.data().stream().filter(i -> !i.operation().name().equals("measure")).count())
        .isLessThanOrEqualTo(5);
    assertThat(
            MeasuredDistribution.distance(
                MeasuredDistribution.of(qc), MeasuredDistribution.of(out)))
        .isLessThan(1e-9);
  }

  @Test
  void level_one_cancels_back_to_back_cx_pairs() {
    QuantumCircuit qc = new QuantumCircuit(2, 2);
    qc.x(0).cx(0, 1).cx(0, 1).measure(0, 0).measure(1, 1);
    QuantumCircuit out = Transpiler.transpile(qc, MANILA, 1);
    assertThat(count(out, "cx")).isZero();
    assertThat(MeasuredDistribution.of(out)).containsOnlyKeys(0b01L);
  }

  @Test
  void level_one_orients_a_swap_so_its_first_cx_cancels_the_cx_before_it() {
    // cx(0,1)·swap(0,1) = cx(0,1)·[cx(0,1)·cx(1,0)·cx(0,1)] = cx(1,0)·cx(0,1): two CX, not four.
    QuantumCircuit qc = new QuantumCircuit(2, 2);
    qc.h(0).cx(0, 1).swap(0, 1).measure(0, 0).measure(1, 1);
    QuantumCircuit out = Transpiler.transpile(qc, MANILA, 1);
    assertThat(count(out, "cx")).isEqualTo(2);
    assertThat(
            MeasuredDistribution.distance(
                MeasuredDistribution.of(qc), MeasuredDistribution.of(out)))
        .isLessThan(1e-9);
  }

  @Test
  void level_two_resynthesises_a_four_cx_block_into_at_most_three() {
    // swap · cx on the same pair is four CX as written but KAK-equivalent to two.
    QuantumCircuit qc = new QuantumCircuit(2, 2);
    qc.h(0).swap(0, 1).cx(0, 1).measure(0, 0).measure(1, 1);
    QuantumCircuit out = Transpiler.transpile(qc, MANILA, 2);
    assertThat(count(out, "cx")).isLessThanOrEqualTo(2);
    assertThat(
            MeasuredDistribution.distance(
                MeasuredDistribution.of(qc), MeasuredDistribution.of(out)))
        .isLessThan(1e-9);
  }

  @Test
  void circuits_wider_than_the_backend_are_refused_with_the_sizes() {
    QuantumCircuit qc = new QuantumCircuit(6);
    qc.h(5);
    assertThatThrownBy(() -> Transpiler.transpile(qc, MANILA, 1))
        .isInstanceOf(TranspilerException.class)
        .hasMessage(
            "the circuit has 6 qubits but the target has only 5; pick a backend with at"
                + " least 6 qubits");
  }

  @Test
  void unbound_parameters_are_refused_with_the_fix() {
    QuantumCircuit qc = new QuantumCircuit(1);
    qc.rz(new Parameter("theta"), 0);
    assertThatThrownBy(() -> Transpiler.transpile(qc, MANILA, 0))
        .isInstanceOf(TranspilerException.class)
        .hasMessageContaining("gate 'rz' has unbound parameters")
        .hasMessageContaining("assignParameters");
  }

  @Test
  void an_optimization_level_outside_0_to_3_is_refused() {
    assertThatThrownBy(() -> PresetPassManagers.generate(4, MANILA))
        .isInstanceOf(TranspilerException.class)
        .hasMessage("optimization level 4 does not exist; use 0, 1, 2 or 3");
  }

  @Test
  void user_gates_on_three_qubits_are_expanded_through_their_definition() {
    QuantumCircuit body = new QuantumCircuit(3);
    body.ccx(0, 1, 2).h(2);
    GateDefinition def = new GateDefinition("toffh", List.of(), body);
    QuantumCircuit qc = new QuantumCircuit(3, 3);
    qc.x(0).x(1).append(def.gate(), 0, 1, 2);
    qc.measure(0, 0).measure(1, 1).measure(2, 2);
    QuantumCircuit out = Transpiler.transpile(qc, MANILA, 1);
    IsaChecks.assertIsa(out, MANILA);
    assertThat(
            MeasuredDistribution.distance(
                MeasuredDistribution.of(qc), MeasuredDistribution.of(out)))
        .isLessThan(1e-9);
  }

  @Test
  void a_list_of_circuits_comes_back_in_order_with_a_layout_each() {
    QuantumCircuit a = new QuantumCircuit(2, 2);
    a.x(0).measure(0, 0).measure(1, 1);
    QuantumCircuit b = new QuantumCircuit(2, 2);
    b.x(1).measure(0, 0).measure(1, 1);
    List<QuantumCircuit> out = PresetPassManagers.generate(1, MANILA).run(List.of(a, b));
    assertThat(MeasuredDistribution.of(out.get(0))).containsOnlyKeys(0b01L);
    assertThat(MeasuredDistribution.of(out.get(1))).containsOnlyKeys(0b10L);
    assertThat(out).allSatisfy(c -> assertThat(TranspileLayout.of(c)).isPresent());
  }

  @Test
  void a_star_of_interactions_fits_the_t_shaped_device_without_swaps() {
    // q1 talks to q0, q2 and q3: on lima's T (1 joined to 0, 2, 3) a layout needs no swap.
    Backend lima = Backends.get("fake_lima");
    QuantumCircuit qc = new QuantumCircuit(4, 4);
    qc.h(1).cx(1, 0).cx(1, 2).cx(1, 3).cx(0, 1);
    qc.measure(0, 0).measure(1, 1).measure(2, 2).measure(3, 3);
    QuantumCircuit out = Transpiler.transpile(qc, lima, 1);
    assertThat(count(out, "cx")).isEqualTo(4);
    assertThat(TranspileLayout.of(out).orElseThrow().initialLayout()[1]).isEqualTo(1);
  }

  @Test
  void one_pass_manager_serves_parallel_threads_with_the_same_results() throws Exception {
    PassManager pm = PresetPassManagers.generate(2, Backends.get("fake_nairobi"));
    List<QuantumCircuit> circuits = new java.util.ArrayList<>();
    for (int seed = 0; seed < 24; seed++) {
      circuits.add(RandomCircuits.random(2 + seed % 6, 20, seed));
    }
    List<String> sequential = circuits.stream().map(c -> pm.run(c).data().toString()).toList();
    List<String> parallel =
        circuits.parallelStream().map(c -> pm.run(c).data().toString()).toList();
    assertThat(parallel).isEqualTo(sequential);
  }

  @Test
  void barriers_resets_and_conditions_survive_transpilation() {
    QuantumCircuit qc = new QuantumCircuit(2, 2);
    qc.h(0).barrier().reset(1).measure(0, 0);
    qc.x(1).cIf(0, 1);
    qc.measure(1, 1);
    QuantumCircuit out = Transpiler.transpile(qc, MANILA, 1);
    assertThat(count(out, "barrier")).isEqualTo(1);
    assertThat(count(out, "reset")).isEqualTo(1);
    List<CircuitInstruction> conditioned =
        out.data().stream().filter(i -> i.condition() != null).toList();
    assertThat(conditioned).isNotEmpty();
    assertThat(conditioned).allSatisfy(i -> assertThat(i.condition().clbits()).containsExactly(0));
  }
}
