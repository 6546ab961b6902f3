package io.qserverless.quantum.circuit.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qserverless.quantum.circuit.CircuitInstruction;
import io.qserverless.quantum.circuit.Gate;
import io.qserverless.quantum.circuit.Measure;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.circuit.Reset;
import org.junit.jupiter.api.Test;

class RandomCircuitTest {

  @Test
  void same_seed_gives_the_same_circuit_and_another_seed_another() {
    assertThat(RandomCircuit.randomCircuit(5, 6, 42).data())
        .isEqualTo(RandomCircuit.randomCircuit(5, 6, 42).data());
    assertThat(RandomCircuit.randomCircuit(5, 6, 42).data())
        .isNotEqualTo(RandomCircuit.randomCircuit(5, 6, 43).data());
  }

  @Test
  void each_layer_fills_every_qubit_once_so_depth_equals_the_layer_count() {
    for (int seed = 0; seed < 30; seed++) {
      QuantumCircuit qc = RandomCircuit.randomCircuit(6, 5, seed);
      int qubitSlots = qc.data().stream().mapToInt(in -> in.operation().numQubits()).sum();
      // leftover slack may stay empty, so at most 6 qubit slots per layer
      assertThat(qubitSlots).isLessThanOrEqualTo(30);
      assertThat(qc.depth()).isLessThanOrEqualTo(5);
      assertThat(qc.data()).allMatch(in -> in.operation().numQubits() <= 4);
    }
  }

  @Test
  void two_qubit_circuits_use_only_one_and_two_qubit_gates_as_in_the_seed_example() {
    for (int seed = 0; seed < 50; seed++) {
      QuantumCircuit qc = RandomCircuit.randomCircuit(2, 2, seed);
      assertThat(qc.data()).allMatch(in -> in.operation() instanceof Gate g && g.numQubits() <= 2);
    }
  }

  @Test
  void measure_adds_a_final_measurement_of_every_qubit_into_register_c() {
    QuantumCircuit qc = RandomCircuit.randomCircuit(3, 3, 4, true, false, false, 1);
    assertThat(qc.cregs().get(0).name()).isEqualTo("c");
    var tail = qc.data().subList(qc.size() - 3, qc.size());
    assertThat(tail)
        .allMatch(in -> in.operation() instanceof Measure && in.qubit(0) == in.clbit(0));
  }

  @Test
  void conditional_and_reset_options_insert_conditions_and_resets() {
    int conditioned = 0, resets = 0;
    for (int seed = 0; seed < 20; seed++) {
      QuantumCircuit qc = RandomCircuit.randomCircuit(4, 8, 4, false, true, true, seed);
      for (CircuitInstruction in : qc.data()) {
        conditioned += in.condition() != null ? 1 : 0;
        resets += in.operation() instanceof Reset ? 1 : 0;
      }
      assertThat(qc.data().get(0).condition()).isNull();
    }
    assertThat(conditioned).isPositive();
    assertThat(resets).isPositive();
  }

  @Test
  void max_operands_outside_one_to_four_is_refused() {
    assertThatThrownBy(() -> RandomCircuit.randomCircuit(3, 3, 5, false, false, false, 1))
        .hasMessageContaining("between 1 and 4");
  }
}
