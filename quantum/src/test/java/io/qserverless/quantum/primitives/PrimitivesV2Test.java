package io.qserverless.quantum.primitives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qserverless.quantum.circuit.ClassicalRegister;
import io.qserverless.quantum.circuit.Parameter;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.circuit.QuantumRegister;
import io.qserverless.quantum.info.SparsePauliOp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrimitivesV2Test {

  private static QuantumCircuit bell() {
    QuantumCircuit qc = new QuantumCircuit(2);
    return qc.h(0).cx(0, 1);
  }

  @Test
  void sampler_v2_counts_bell_outcomes_by_bitstring_with_1024_default_shots() {
    var result = new SamplerV2().withSeed(11).run(bell().measureAll()).result();
    Map<String, Integer> counts = result.get(0).data("meas").getCounts();
    assertThat(counts).containsOnlyKeys("00", "11");
    assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1024);
    assertThat(result.get(0).data("meas").getBitstrings()).hasSize(1024);
  }

  @Test
  void sampler_v2_splits_shots_per_classical_register() {
    // q_0: X─M────     a[0] = 1
    // q_1: ──┼─M──     b[0] = 0, b[1] = 1 (from q2)
    // q_2: X─┼─┼─M
    QuantumRegister q = new QuantumRegister(3, "q");
    ClassicalRegister a = new ClassicalRegister(1, "a");
    ClassicalRegister b = new ClassicalRegister(2, "b");
    QuantumCircuit qc = new QuantumCircuit(q, a, b);
    qc.x(0).x(2).measure(0, 0).measure(1, 1).measure(2, 2);
    var pub = new SamplerV2().withSeed(3).run(SamplerPub.of(qc).withShots(10)).result().get(0);
    assertThat(pub.data("a").getCounts()).containsExactly(Map.entry("1", 10));
    assertThat(pub.data("b").getCounts()).containsExactly(Map.entry("10", 10));
    assertThatThrownBy(() -> pub.data("meas"))
        .hasMessageContaining("[a, b]")
        .hasMessageContaining("no classical register");
  }

  @Test
  void sampler_v2_binds_parameters_and_is_reproducible_for_a_seed() {
    Parameter t = new Parameter("t");
    QuantumCircuit qc = new QuantumCircuit(1);
    qc.ry(t, 0).measureAll();
    SamplerV2 sampler = new SamplerV2().withSeed(8);
    var a =
        sampler
            .run(SamplerPub.of(qc, List.of(Math.PI / 3)))
            .result()
            .get(0)
            .data("meas")
            .getBitstrings();
    var b =
        sampler
            .run(SamplerPub.of(qc, List.of(Math.PI / 3)))
            .result()
            .get(0)
            .data("meas")
            .getBitstrings();
    assertThat(a).isEqualTo(b);
    long ones = a.stream().filter("1"::equals).count();
    // P(1) = sin²(π/6) = 0.25; 1024 shots: 4 sigma ≈ 55
    assertThat(ones).isBetween(256L - 55, 256L + 55);
  }

  @Test
  void estimator_gives_bell_correlations() {
    SparsePauliOp zz = SparsePauliOp.fromList(List.of(Map.entry("ZZ", 1.0)));
    var values =
        new Estimator()
            .run(
                List.of(bell(), bell(), bell()),
                List.of(zz, SparsePauliOp.of("XX"), SparsePauliOp.of("ZI")))
            .result()
            .values();
    assertThat(values).containsExactly(new double[] {1, 1, 0}, within(1e-12));
  }

  @Test
  void estimator_sums_weighted_pauli_terms() {
    SparsePauliOp h =
        SparsePauliOp.fromList(
            List.of(Map.entry("ZZ", 0.5), Map.entry("XX", -2.0), Map.entry("IZ", 3.0)));
    double v = new Estimator().run(List.of(bell()), List.of(h)).result().values()[0];
    assertThat(v).isCloseTo(0.5 - 2.0 + 0, within(1e-12));
  }

  @Test
  void estimator_v2_is_exact_by_default_and_adds_seeded_noise_of_the_requested_precision() {
    EstimatorPub pub =
        EstimatorPub.of(
            bell(), SparsePauliOp.of("ZZ"), SparsePauliOp.of("XX"), SparsePauliOp.of("ZI"));
    var exact = new EstimatorV2().run(pub).result().get(0);
    assertThat(exact.evs()).containsExactly(new double[] {1, 1, 0}, within(1e-12));
    assertThat(exact.stds()).containsExactly(0, 0, 0);
    var noisy = new EstimatorV2().withSeed(4).run(pub.withPrecision(0.01)).result().get(0);
    var again = new EstimatorV2().withSeed(4).run(pub.withPrecision(0.01)).result().get(0);
    assertThat(noisy.evs()).containsExactly(again.evs());
    assertThat(noisy.evs())
        .containsExactly(new double[] {1, 1, 0}, within(0.05))
        .isNotEqualTo(exact.evs());
    assertThat(noisy.stds()).containsExactly(0.01, 0.01, 0.01);
  }

  @Test
  void an_observable_of_the_wrong_size_is_refused() {
    assertThatThrownBy(
            () -> new EstimatorV2().run(EstimatorPub.of(bell(), SparsePauliOp.of("ZZZ"))))
        .hasMessageContaining("3 qubits")
        .hasMessageContaining("has 2");
    assertThatThrownBy(() -> SparsePauliOp.of("ZQ")).hasMessageContaining("I, X, Y, Z");
  }
}
