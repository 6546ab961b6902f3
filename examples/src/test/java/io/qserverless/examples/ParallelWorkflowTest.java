package io.qserverless.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qserverless.client.Job;
import io.qserverless.client.RunConfig;
import io.qserverless.quantum.circuit.QuantumCircuit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class ParallelWorkflowTest {

  @Test
  void each_circuit_gets_its_exact_quasi_distribution_in_argument_order() {
    assertExactDistributions(null);
  }

  @Test
  void the_same_program_with_two_workers_gives_the_same_distributions() {
    // The job's own JVM has 0.25 cpu: every 1-cpu task runs on one of the two 1-cpu workers.
    assertExactDistributions(
        RunConfig.DEFAULT.withCpu(0.25).withWorkers(2).withWorkerMem(256L << 20));
  }

  private static void assertExactDistributions(RunConfig config) {
    // q0: ─X──M─      outcome bit 0 is always 1, bit 1 is 0 or 1: {1: 1/2, 3: 1/2}
    // q1: ─H──M─
    QuantumCircuit xh = new QuantumCircuit(2).x(0).h(1).measureAll();
    // q0: ─H──H──M─   H·H = I: always 0
    QuantumCircuit hh = new QuantumCircuit(2).h(0).h(0).measureAll();
    // q0: ─H──M─      both bits uniform: 1/4 each
    // q1: ─H──M─
    QuantumCircuit uniform = new QuantumCircuit(2).h(0).h(1).measureAll();
    // Bell pair (|00> + |11>)/√2: {0: 1/2, 3: 1/2}
    QuantumCircuit bell = new QuantumCircuit(2).h(0).cx(0, 1).measureAll();
    // RX(π/3)|0> = cos(π/6)|0> - i sin(π/6)|1>: P(1) = sin²(π/6) = 1/4
    QuantumCircuit rx = new QuantumCircuit(2).rx(Math.PI / 3, 0).measureAll();

    ExampleProgram.PARALLEL_WORKFLOW.upload(LocalGateway.client());
    Job job =
        LocalGateway.client()
            .run(
                ExampleProgram.PARALLEL_WORKFLOW.title(),
                Map.of("circuits", List.of(xh, hh, uniform, bell, rx)),
                config);
    List<?> results = (List<?>) ((Map<?, ?>) job.result(Duration.ofSeconds(90))).get("results");

    assertThat(results).hasSize(5);
    assertDistribution(results.get(0), Map.of("1", 0.5, "3", 0.5));
    assertDistribution(results.get(1), Map.of("0", 1.0));
    assertDistribution(results.get(2), Map.of("0", 0.25, "1", 0.25, "2", 0.25, "3", 0.25));
    assertDistribution(results.get(3), Map.of("0", 0.5, "3", 0.5));
    assertDistribution(results.get(4), Map.of("0", 0.75, "1", 0.25));
    assertThat(job.status()).isEqualTo("DONE");
  }

  private static void assertDistribution(Object actual, Map<String, Double> expected) {
    @SuppressWarnings("unchecked")
    Map<String, Object> dist = (Map<String, Object>) actual;
    assertThat(dist.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach(
        (k, p) ->
            assertThat(((Number) dist.get(k)).doubleValue())
                .as("P(%s)", k)
                .isCloseTo(p, within(1e-9)));
  }
}
