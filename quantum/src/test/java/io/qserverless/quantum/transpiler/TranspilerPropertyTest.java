package io.qserverless.quantum.transpiler;

import static org.assertj.core.api.Assertions.assertThat;

import io.qserverless.quantum.backends.Backend;
import io.qserverless.quantum.backends.Backends;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.transpiler.preset.PresetPassManagers;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Seeded random circuits (2–7 qubits, a broad gate set, measured into shuffled clbits) through
 * every level on every backend: the output is an ISA circuit, its measured distribution equals the
 * input's exactly (simulated), and its recorded layout explains its final state.
 */
class TranspilerPropertyTest {

  @Test
  void every_level_keeps_the_distribution_and_gives_isa_circuits_on_the_small_backends() {
    for (String name : new String[] {"fake_manila", "fake_lima", "fake_nairobi"}) {
      Backend backend = Backends.get(name);
      for (int level = 0; level <= 3; level++) {
        PassManager pm = PresetPassManagers.generate(level, backend);
        for (int seed = 0; seed < 12; seed++) {
          int width = 2 + seed % (backend.numQubits() - 1);
          check(pm, backend, RandomCircuits.random(width, 12 + seed, 1000L * level + seed));
        }
      }
    }
  }

  @Test
  void every_level_keeps_the_distribution_on_the_heavy_hex_ecr_backends() {
    for (String name : new String[] {"fake_kolkata", "fake_sherbrooke"}) {
      Backend backend = Backends.get(name);
      for (int level = 0; level <= 3; level++) {
        PassManager pm = PresetPassManagers.generate(level, backend);
        for (int seed = 0; seed < 4; seed++) {
          check(pm, backend, RandomCircuits.random(2 + seed, 10, 77L * level + seed));
        }
      }
    }
  }

  @Test
  void a_user_backend_with_one_way_cz_gets_isa_circuits_with_the_same_distribution() {
    // A 4-qubit ring 0-1-2-3-0 with CZ declared one way only: CZ is symmetric, so any edge works.
    Backend ring =
        Backends.parse(
            """
        {"name": "cz_ring", "num_qubits": 4, "basis_gates": ["cz", "rz", "sx", "x"],
         "coupling_map": [[0, 1], [1, 2], [2, 3], [3, 0]]}
        """,
            "cz_ring.json");
    for (int level = 0; level <= 3; level++) {
      PassManager pm = PresetPassManagers.generate(level, ring);
      for (int seed = 0; seed < 8; seed++) {
        check(pm, ring, RandomCircuits.random(2 + seed % 3, 14, 500L * level + seed));
      }
    }
  }

  private static void check(PassManager pm, Backend backend, QuantumCircuit in) {
    QuantumCircuit out = pm.run(in);
    IsaChecks.assertIsa(out, backend);
    Map<Long, Double> expected = MeasuredDistribution.of(in);
    Map<Long, Double> actual = MeasuredDistribution.of(out);
    assertThat(MeasuredDistribution.distance(expected, actual))
        .as("distribution distance for %s on %s", in.data(), backend.name())
        .isLessThan(1e-7);
    IsaChecks.assertFinalStateFollowsLayout(in, out);
  }
}
