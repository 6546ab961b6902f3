package io.qserverless.quantum.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.circuit.random.RandomCircuit;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The single-precision (float32) option against double precision, and the memory it promises. */
class SimulatorPrecisionTest {

  private static double maxDifference(Map<Integer, Double> a, Map<Integer, Double> b) {
    TreeSet<Integer> keys = new TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    return keys.stream()
        .mapToDouble(k -> Math.abs(a.getOrDefault(k, 0.0) - b.getOrDefault(k, 0.0)))
        .max()
        .orElse(0);
  }

  @Test
  void single_precision_distributions_are_within_1e_6_of_double_on_random_circuits() {
    // 17 qubits: several sweep chunks; 5 and 9: the whole state is one chunk
    for (int seed = 0; seed < 6; seed++) {
      int n = new int[] {5, 9, 17}[seed % 3];
      QuantumCircuit qc = RandomCircuit.randomCircuit(n, 8, 4, false, false, false, seed);
      qc.measureAll();
      var single = StatevectorSimulator.exactDistribution(qc, Precision.SINGLE);
      var dbl = StatevectorSimulator.exactDistribution(qc);
      assertThat(maxDifference(single, dbl)).as("seed %d, %d qubits", seed, n).isLessThan(1e-6);
    }
  }

  @Test
  void single_precision_follows_mid_circuit_measurements_and_resets() {
    //      ┌───┐┌─┐     ┌────────┐
    // q_0: ┤ H ├┤M├─|0>─┤ Ry(.8) ├──■── measure
    //      └───┘└╥┘     └────────┘┌─┴─┐
    // q_1: ──────╫────────────────┤ X ├ measure
    // c_0 = first reading; c_1, c_2 the final ones
    QuantumCircuit qc = new QuantumCircuit(2, 3);
    qc.h(0).measure(0, 0).reset(0).ry(0.8, 0).cx(0, 1).measure(0, 1).measure(1, 2);
    var single = StatevectorSimulator.exactDistribution(qc, Precision.SINGLE);
    double c = Math.cos(0.4) * Math.cos(0.4) / 2, s = Math.sin(0.4) * Math.sin(0.4) / 2;
    assertThat(maxDifference(single, Map.of(0, c, 1, c, 6, s, 7, s))).isLessThan(1e-6);
    var counts = StatevectorSimulator.sampleCounts(qc, 2000, 7, Precision.SINGLE);
    assertThat(counts.keySet()).containsExactly(0, 1, 6, 7);
  }

  @Test
  void a_28_qubit_double_state_takes_4_gib_and_29_qubits_fit_in_4_gib_single() {
    long gib = 1L << 30;
    assertThat(Precision.DOUBLE.stateBytes(28)).isEqualTo(4 * gib);
    assertThat(Precision.DOUBLE.stateBytes(29)).isEqualTo(8 * gib);
    assertThat(Precision.SINGLE.stateBytes(29)).isEqualTo(4 * gib);
  }

  @Test
  void a_state_larger_than_the_heap_is_refused_before_it_is_allocated() {
    // the test JVM has a 2 GiB heap: 28 qubits in double need 4 GiB
    QuantumCircuit qc = new QuantumCircuit(28);
    qc.h(0).measureAll();
    assertThatThrownBy(() -> StatevectorSimulator.exactDistribution(qc))
        .isInstanceOf(SimulatorException.class)
        .hasMessageContaining("28-qubit state in double precision needs 4.0 GiB")
        .hasMessageContaining("-Xmx")
        .hasMessageContaining("single precision (2.0 GiB)");
  }
}
