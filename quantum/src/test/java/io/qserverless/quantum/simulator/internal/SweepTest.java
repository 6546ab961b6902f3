package io.qserverless.quantum.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.circuit.random.RandomCircuit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Cache-blocked sweeps against the unfused simulator (every gate in a pass of its own): the same
 * amplitudes to 1e-12, in fewer passes. Small chunks (6 to 8 qubits) on 9 to 12 qubits put chunk
 * boundaries, outside controls and outside diagonal targets everywhere a 24-qubit run has them.
 */
class SweepTest {

  private static StateEngine run(QuantumCircuit qc, int chunkQubits) {
    StateEngine e = new StateEngine(qc.numQubits(), chunkQubits);
    e.applyCircuit(qc, IntStream.range(0, qc.numQubits()).toArray());
    e.amplitudes();
    return e;
  }

  private static double maxDifference(double[] a, double[] b) {
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return max;
  }

  @Test
  void random_circuits_of_all_standard_gates_equal_the_unfused_simulator_to_1e_12() {
    for (int seed = 0; seed < 24; seed++) {
      int n = 9 + seed % 4;
      int chunk = 6 + seed % 3;
      QuantumCircuit qc = RandomCircuit.randomCircuit(n, 12, 4, false, false, false, seed);
      qc.setGlobalPhase(0.3 * seed);
      StateEngine fused = run(qc, chunk);
      StateEngine unfused = run(qc, 0);
      assertThat(maxDifference(fused.amplitudes(), unfused.amplitudes()))
          .as("seed %d, %d qubits, chunk %d\n%s", seed, n, chunk, qc.draw())
          .isLessThan(1e-12);
      assertThat(fused.passes()).as("seed %d", seed).isLessThan(unfused.passes());
    }
  }

  @Test
  void layers_of_u3_and_cz_take_a_few_passes_instead_of_one_per_gate() {
    // W3 of the benchmark on 10 qubits: per layer u3 on every qubit, cz on alternating pairs
    QuantumCircuit qc = new QuantumCircuit(10);
    for (int l = 0; l < 6; l++) {
      for (int q = 0; q < 10; q++) {
        qc.u3(0.7 + 1.3 * (10 * l + q), 0.3 + 2.1 * q, 1.1 + 0.9 * l, q);
      }
      for (int q = l % 2; q + 1 < 10; q += 2) {
        qc.cz(q, q + 1);
      }
    }
    StateEngine fused = run(qc, 7);
    StateEngine unfused = run(qc, 0);
    assertThat(maxDifference(fused.amplitudes(), unfused.amplitudes())).isLessThan(1e-12);
    assertThat(unfused.passes()).isGreaterThan(80);
    assertThat(fused.passes()).isLessThanOrEqualTo(12);
  }

  @Test
  void products_equal_to_the_identity_are_skipped() {
    // 100 h, gate i on qubit i mod 12: qubits 0-3 get 9 (an h), the others 8 (the identity)
    QuantumCircuit qc = new QuantumCircuit(12);
    for (int i = 0; i < 100; i++) {
      qc.h(i % 12);
    }
    StateEngine e = run(qc, 6);
    double[] s = e.amplitudes();
    assertThat(s[0] * s[0] + s[1] * s[1]).isCloseTo(1.0 / 16, within(1e-15));
    assertThat(e.passes()).isEqualTo(1);
  }

  @Test
  void a_chunk_size_outside_the_supported_range_is_refused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new StateEngine(10, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 3");
  }
}
