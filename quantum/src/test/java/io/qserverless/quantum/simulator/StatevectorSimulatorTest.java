package io.qserverless.quantum.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qserverless.quantum.circuit.QuantumCircuit;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatevectorSimulatorTest {

  /** Teleports RY(θ)|0> from q0 to q2 with measured corrections; q2 is left unmeasured. */
  private static QuantumCircuit teleport(double theta) {
    // q_0: ─RY(θ)───────■─H─M─────────
    // q_1: ───────H──■──X───┼─M───────
    // q_2: ──────────X──────┼─┼─X─Z───   X if c1, Z if c0
    QuantumCircuit qc = new QuantumCircuit(3, 2);
    qc.ry(theta, 0).h(1).cx(1, 2).cx(0, 1).h(0).measure(0, 0).measure(1, 1);
    qc.x(2).cIf(1, 1).z(2).cIf(0, 1);
    return qc;
  }

  @Test
  void every_teleportation_trajectory_leaves_bob_with_the_input_state() {
    double theta = 1.2;
    int[] seen = new int[4];
    for (long seed = 0; seed < 200; seed++) {
      StatevectorSimulator.Trajectory t = StatevectorSimulator.run(teleport(theta), seed);
      seen[t.clbits()]++;
      double[] bob = t.state().probabilities(2);
      assertThat(bob[1])
          .as("seed %d", seed)
          .isCloseTo(Math.pow(Math.sin(theta / 2), 2), within(1e-12));
      assertThat(t.state().norm2()).isCloseTo(1, within(1e-12));
    }
    // the four measurement outcomes are equally likely: each about 50 of 200
    for (int n : seen) {
      assertThat(n).isBetween(25, 75);
    }
  }

  @Test
  void many_mid_circuit_measurements_switch_from_exact_branching_to_per_shot_trajectories() {
    // q_0: ─H─M─H─M─ ... 14 times: 2^13 branches before the last, terminal one, over the exact
    // limit
    QuantumCircuit qc = new QuantumCircuit(1, 14);
    for (int i = 0; i < 14; i++) {
      qc.h(0).measure(0, i);
    }
    assertThatThrownBy(() -> StatevectorSimulator.exactDistribution(qc))
        .hasMessageContaining("run it with shots");
    Map<Integer, Integer> counts = StatevectorSimulator.sampleCounts(qc, 4000, 3);
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    assertThat(total).isEqualTo(4000);
    for (int bit = 0; bit < 14; bit += 6) {
      int b = bit;
      int ones =
          counts.entrySet().stream()
              .filter(e -> (e.getKey() >> b & 1) != 0)
              .mapToInt(Map.Entry::getValue)
              .sum();
      // each measurement is a fair coin: 4 sigma at 4000 shots is 126
      assertThat(ones).as("clbit %d", bit).isBetween(2000 - 126, 2000 + 126);
    }
    assertThat(StatevectorSimulator.sampleCounts(qc, 500, 9))
        .isEqualTo(StatevectorSimulator.sampleCounts(qc, 500, 9));
  }

  @Test
  void resets_of_fresh_qubits_on_a_large_state_need_no_branch_and_stay_exact() {
    // 21 qubits: above the 20-qubit branching limit, but resetting |0> is deterministic
    QuantumCircuit qc = new QuantumCircuit(21, 2);
    qc.reset(20).reset(0).h(20).measure(20, 0);
    assertThat(StatevectorSimulator.exactDistribution(qc)).containsOnlyKeys(0, 1);
    // a real split of that state is refused, and sampling still works shot by shot
    qc.h(20).measure(20, 1).h(20).measure(20, 0);
    assertThatThrownBy(() -> StatevectorSimulator.exactDistribution(qc))
        .hasMessageContaining("20 qubits")
        .hasMessageContaining("shots");
    assertThat(
            StatevectorSimulator.sampleCounts(qc, 20, 1).values().stream()
                .mapToInt(Integer::intValue)
                .sum())
        .isEqualTo(20);
  }

  @Test
  void too_many_qubits_and_unbound_parameters_are_refused_with_the_limit() {
    assertThatThrownBy(() -> StatevectorSimulator.exactDistribution(new QuantumCircuit(30, 1)))
        .hasMessageContaining("30 qubits")
        .hasMessageContaining("0 to 29");
    QuantumCircuit qc = new QuantumCircuit(1, 1);
    qc.rx(new io.qserverless.quantum.circuit.Parameter("t"), 0).measure(0, 0);
    assertThatThrownBy(() -> StatevectorSimulator.exactDistribution(qc))
        .hasMessageContaining("unbound parameters [t]");
    assertThatThrownBy(() -> StatevectorSimulator.sampleCounts(new QuantumCircuit(1, 1), 0, 1))
        .hasMessageContaining("at least 1");
  }
}
