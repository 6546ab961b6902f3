package io.qserverless.quantum.primitives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qserverless.quantum.circuit.ClassicalRegister;
import io.qserverless.quantum.circuit.Parameter;
import io.qserverless.quantum.circuit.QuantumCircuit;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplerTest {
  private static final double TOL = 1e-12;

  private static QuasiDistribution exact(QuantumCircuit qc) {
    return new Sampler().run(qc).result().quasiDists().get(0);
  }

  @Test
  void seed_distribution_one_half_on_1_and_3() {
    // q_0: ─X──░─M────
    // q_1: ─H──░─┼─M──   q0 is always 1, q1 is random: outcomes 0b01 and 0b11
    QuantumCircuit qc = new QuantumCircuit(2);
    qc.x(0).h(1).measureAll();
    assertThat(exact(qc)).containsOnlyKeys(1, 3);
    assertThat(exact(qc).get(1)).isCloseTo(0.5, within(TOL));
    assertThat(exact(qc).get(3)).isCloseTo(0.5, within(TOL));
  }

  @Test
  void seed_distribution_all_on_zero() {
    // q_0: ─H─H─░─M──   H·H = I
    // q_1: ─────░─┼─M
    QuantumCircuit qc = new QuantumCircuit(2);
    qc.h(0).h(0).measureAll();
    assertThat(exact(qc)).containsOnlyKeys(0);
    assertThat(exact(qc).get(0)).isCloseTo(1.0, within(TOL));
  }

  @Test
  void seed_distribution_uniform_over_four() {
    QuantumCircuit qc = new QuantumCircuit(2);
    qc.h(0).h(1).measureAll();
    QuasiDistribution d = exact(qc);
    assertThat(d).containsOnlyKeys(0, 1, 2, 3);
    d.values().forEach(p -> assertThat(p).isCloseTo(0.25, within(TOL)));
    assertThat(d.binaryProbabilities()).containsOnlyKeys("00", "01", "10", "11");
  }

  @Test
  void clbit_zero_is_the_least_significant_bit_of_the_key() {
    // q_0: ─X─M─────   measured into c1
    // q_1: ───┼─M───   measured into c0 (stays 0)
    // c: 2/═══╩═╩═
    QuantumCircuit qc = new QuantumCircuit(2, 2);
    qc.x(0).measure(0, 1).measure(1, 0);
    assertThat(exact(qc)).containsOnlyKeys(2);
    assertThat(exact(qc).binaryProbabilities()).containsOnlyKeys("10");
  }

  @Test
  void shots_with_a_seed_are_reproducible_and_close_to_exact() {
    QuantumCircuit qc = new QuantumCircuit(2);
    qc.ry(1.1, 0).cx(0, 1).h(1).measureAll();
    QuasiDistribution ex = exact(qc);
    Sampler sampler = new Sampler().withShots(20_000).withSeed(1234);
    QuasiDistribution a = sampler.run(qc).result().quasiDists().get(0);
    QuasiDistribution b = sampler.run(qc).result().quasiDists().get(0);
    assertThat(a).isEqualTo(b);
    assertThat(a.shots()).isEqualTo(20_000);
    // 4 standard deviations of a binomial frequency at 20k shots is at most 0.0142
    ex.forEach((k, p) -> assertThat(a.getOrDefault(k, 0.0)).isCloseTo(p, within(0.0142)));
    assertThat(new Sampler().withShots(20_000).withSeed(99).run(qc).result().quasiDists().get(0))
        .isNotEqualTo(a);
  }

  @Test
  void parameter_values_are_bound_in_name_order() {
    Parameter theta = new Parameter("theta");
    Parameter alpha = new Parameter("alpha");
    QuantumCircuit qc = new QuantumCircuit(2);
    qc.rx(theta, 0).ry(alpha, 1).measureAll();
    // alpha = 0 keeps q1 at 0, theta = π flips q0 to 1
    QuasiDistribution d =
        new Sampler().run(List.of(qc), List.of(List.of(0.0, Math.PI))).result().quasiDists().get(0);
    assertThat(d).containsOnlyKeys(1);
  }

  @Test
  void a_circuit_without_measurements_is_refused_with_the_fix() {
    QuantumCircuit qc = new QuantumCircuit(2);
    qc.h(0);
    assertThatThrownBy(() -> new Sampler().run(qc)).hasMessageContaining("measureAll");
  }

  @Test
  void mid_circuit_measurement_and_reset_are_followed_exactly() {
    // q_0: ─H─M─|0>─M─
    // c: 2/═══╩═════╩═   c0 random, c1 always 0 after the reset
    QuantumCircuit qc = new QuantumCircuit(1, 2);
    qc.h(0).measure(0, 0).reset(0).measure(0, 1);
    QuasiDistribution d = exact(qc);
    assertThat(d).containsOnlyKeys(0, 1);
    assertThat(d.get(1)).isCloseTo(0.5, within(TOL));
  }

  @Test
  void conditioned_gate_runs_only_when_its_register_matches() {
    // q_0: ─H─M──────────
    // q_1: ───┼──X─────M─   X if c == 1: q1 copies the first measurement
    // c: 2/═══╩══■═════╩═
    QuantumCircuit qc = new QuantumCircuit(2, 2);
    ClassicalRegister c = qc.cregs().get(0);
    qc.h(0).measure(0, 0).x(1).cIf(c, 1).measure(1, 1);
    QuasiDistribution d = exact(qc);
    assertThat(d).containsOnlyKeys(0, 3);
    assertThat(d.get(0)).isCloseTo(0.5, within(TOL));
  }

  @Test
  void conditional_circuits_sampled_with_shots_match_the_exact_branching() {
    QuantumCircuit qc = new QuantumCircuit(2, 2);
    qc.ry(0.7, 0).measure(0, 0).x(1).cIf(0, 1).h(1).measure(1, 1);
    QuasiDistribution ex = exact(qc);
    QuasiDistribution sampled =
        new Sampler().withShots(40_000).withSeed(5).run(qc).result().quasiDists().get(0);
    ex.forEach((k, p) -> assertThat(sampled.getOrDefault(k, 0.0)).isCloseTo(p, within(0.01)));
    assertThat(sampled.keySet()).isEqualTo(ex.keySet());
    assertThat(ex.values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(1, within(TOL));
    // c0 = 0 with cos²(0.35); then q1 untouched, H gives c1 = 0 with probability 1/2
    assertThat(ex.get(0)).isCloseTo(Math.cos(0.35) * Math.cos(0.35) / 2, within(TOL));
  }
}
