package io.qserverless.quantum.qasm3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.simulator.StatevectorSimulator;
import java.util.Map;
import java.util.TreeMap;

/** Reading an OpenQASM 3 program and checking its outcomes against hand-derived probabilities. */
final class Outcomes {
  static final String HEADER = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\n";

  private Outcomes() {}

  /** {@code program} after the version line and the standard gates. */
  static QuantumCircuit read(String program) {
    return Qasm3.loads(HEADER + program);
  }

  /** The exact distribution over the classical bits is {@code expected}, to 1e-12. */
  static void assertDistribution(QuantumCircuit qc, Map<Integer, Double> expected) {
    Map<Integer, Double> actual = StatevectorSimulator.exactDistribution(qc);
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    expected.forEach(
        (k, p) -> assertThat(actual.get(k)).as("outcome " + k).isCloseTo(p, within(1e-12)));
  }

  /**
   * 3000 shots, one trajectory each (the exact path is bypassed): frequencies within 5 standard
   * deviations of a binomial frequency (0.046) of {@code expected}.
   */
  static void assertTrajectories(QuantumCircuit qc, Map<Integer, Double> expected) {
    int shots = 3000;
    Map<Integer, Integer> counts = new TreeMap<>();
    for (long seed = 0; seed < shots; seed++) {
      counts.merge(StatevectorSimulator.run(qc, seed).clbits(), 1, Integer::sum);
    }
    assertThat(counts.keySet()).isEqualTo(expected.keySet());
    expected.forEach(
        (k, p) ->
            assertThat(counts.get(k) / (double) shots)
                .as("outcome " + k)
                .isCloseTo(p, within(0.046)));
  }
}
