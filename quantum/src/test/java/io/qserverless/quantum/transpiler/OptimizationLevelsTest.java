package io.qserverless.quantum.transpiler;

import static org.assertj.core.api.Assertions.assertThat;

import io.qserverless.quantum.backends.Backend;
import io.qserverless.quantum.backends.Backends;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.transpiler.preset.PresetPassManagers;
import org.junit.jupiter.api.Test;

/** Higher levels search harder, so on average they must not need more two-qubit gates. */
class OptimizationLevelsTest {

  @Test
  void levels_two_and_three_average_no_more_two_qubit_gates_than_level_one() {
    for (String name : new String[] {"fake_manila", "fake_kolkata"}) {
      Backend backend = Backends.get(name);
      double[] average = new double[4];
      for (int level = 0; level <= 3; level++) {
        PassManager pm = PresetPassManagers.generate(level, backend);
        int total = 0;
        for (int seed = 0; seed < 40; seed++) {
          QuantumCircuit out = pm.run(RandomCircuits.random(5, 20, seed));
          total += twoQubitGates(out);
        }
        average[level] = total / 40.0;
      }
      assertThat(average[1]).as("level 1 vs 0 on %s", name).isLessThanOrEqualTo(average[0]);
      assertThat(average[2]).as("level 2 vs 1 on %s", name).isLessThanOrEqualTo(average[1]);
      assertThat(average[3]).as("level 3 vs 1 on %s", name).isLessThanOrEqualTo(average[1]);
    }
  }

  private static int twoQubitGates(QuantumCircuit qc) {
    return (int) qc.data().stream().filter(i -> i.qubits().length == 2).count();
  }
}
