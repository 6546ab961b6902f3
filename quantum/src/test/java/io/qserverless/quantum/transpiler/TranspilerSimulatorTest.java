package io.qserverless.quantum.transpiler;

import static org.assertj.core.api.Assertions.assertThat;

import io.qserverless.quantum.backends.Backend;
import io.qserverless.quantum.backends.Backends;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.circuit.random.RandomCircuit;
import io.qserverless.quantum.simulator.StatevectorSimulator;
import io.qserverless.quantum.transpiler.preset.PresetPassManagers;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Qiskit-style random circuits with gates of up to four qubits, mid-circuit measurements,
 * classically conditioned gates and resets, checked against the project's statevector simulator
 * (exact branching over measurement outcomes): the transpiled circuit has the same exact
 * distribution of classical bits at every level.
 */
class TranspilerSimulatorTest {

  @Test
  void
      circuits_with_conditions_resets_and_mid_circuit_measurements_keep_their_exact_distribution() {
    for (String name : new String[] {"fake_manila", "fake_nairobi"}) {
      Backend backend = Backends.get(name);
      for (int level = 0; level <= 3; level++) {
        PassManager pm = PresetPassManagers.generate(level, backend);
        for (int seed = 0; seed < 10; seed++) {
          int width = 2 + seed % (backend.numQubits() - 1);
          QuantumCircuit in =
              RandomCircuit.randomCircuit(width, 5, 4, true, seed % 2 == 0, seed % 3 == 0, seed);
          QuantumCircuit out = pm.run(in);
          IsaChecks.assertIsa(out, backend);
          assertThat(
                  distance(
                      StatevectorSimulator.exactDistribution(in),
                      StatevectorSimulator.exactDistribution(out)))
              .as("level %d on %s for %s", level, name, in.data())
              .isLessThan(1e-8);
        }
      }
    }
  }

  private static double distance(Map<Integer, Double> a, Map<Integer, Double> b) {
    Set<Integer> keys = new HashSet<>(a.keySet());
    keys.addAll(b.keySet());
    double d = 0;
    for (int k : keys) {
      d += Math.abs(a.getOrDefault(k, 0.0) - b.getOrDefault(k, 0.0));
    }
    return d / 2;
  }
}
