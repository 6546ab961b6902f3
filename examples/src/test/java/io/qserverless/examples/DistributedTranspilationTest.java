package io.qserverless.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qserverless.client.Job;
import io.qserverless.client.JobEvent;
import io.qserverless.client.JobFailedException;
import io.qserverless.client.RunConfig;
import io.qserverless.client.ServerlessClient;
import io.qserverless.quantum.backends.Backend;
import io.qserverless.quantum.backends.Backends;
import io.qserverless.quantum.circuit.CircuitInstruction;
import io.qserverless.quantum.circuit.QuantumCircuit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(180)
class DistributedTranspilationTest {
  private static final Backend MANILA = Backends.get("fake_manila");
  private static ServerlessClient client;

  @BeforeAll
  static void upload() {
    client = LocalGateway.client();
    ExampleProgram.DISTRIBUTED_TRANSPILATION.upload(client);
  }

  /**
   * Bell pair, 3-qubit GHZ, and a CX between qubits 0 and 2, which manila (a line 0-1-2-3-4) does
   * not couple.
   */
  private static List<QuantumCircuit> circuitList() {
    QuantumCircuit bell = new QuantumCircuit(2).h(0).cx(0, 1).measureAll();
    QuantumCircuit ghz = new QuantumCircuit(3).h(0).cx(0, 1).cx(1, 2).measureAll();
    QuantumCircuit far = new QuantumCircuit(3).h(0).cx(0, 2).measureAll();
    return List.of(bell, ghz, far);
  }

  private static Map<?, ?> run(Map<String, Object> extra, RunConfig config) {
    Map<String, Object> args =
        new java.util.HashMap<>(
            Map.of(
                "circuit_list", circuitList(), "optimization_level", 1, "backend", "fake_manila"));
    args.putAll(extra);
    return (Map<?, ?>)
        client
            .run(ExampleProgram.DISTRIBUTED_TRANSPILATION.title(), args, config)
            .result(Duration.ofSeconds(120));
  }

  @Test
  void each_circuit_comes_back_in_the_backends_basis_and_coupling_with_the_stage_usage() {
    Map<?, ?> result = run(Map.of(), null);

    List<?> circuits = (List<?>) result.get("circuits");
    assertThat(circuits).hasSize(3).allSatisfy(c -> assertIsa((QuantumCircuit) c));
    Map<?, ?> usage =
        (Map<?, ?>)
            ((Map<?, ?>) ((Map<?, ?>) result.get("metadata")).get("resource_usage"))
                .get("RUNNING: OPTIMIZING_FOR_HARDWARE");
    assertThat(((Number) usage.get("CPU_TIME")).doubleValue()).isPositive();
    assertThat(usage.get("QPU_TIME")).isEqualTo(0L);
  }

  @Test
  void with_two_workers_the_same_circuits_come_back_in_order() {
    Map<?, ?> local = run(Map.of(), null);
    Map<?, ?> workers =
        run(Map.of(), RunConfig.DEFAULT.withCpu(0.25).withWorkers(2).withWorkerMem(256L << 20));

    assertThat(workers.get("circuits")).isEqualTo(local.get("circuits"));
  }

  @Test
  void fractional_cpu_and_two_gib_tasks_run_when_the_job_has_room_for_them() {
    Map<?, ?> half = run(Map.of("task_cpu", 0.5), null);
    assertThat((List<?>) half.get("circuits")).hasSize(3);

    Map<?, ?> mem =
        run(Map.of("task_mem", 2L * 1024 * 1024 * 1024), RunConfig.DEFAULT.withMem(3L << 30));
    assertThat((List<?>) mem.get("circuits")).hasSize(3);
  }

  @Test
  void the_jobs_allotment_is_its_run_config_so_a_two_gib_task_cannot_start_in_a_512_mib_job() {
    assertThatThrownBy(
            () ->
                run(
                    Map.of("task_mem", 2L * 1024 * 1024 * 1024),
                    RunConfig.DEFAULT.withMem(512L << 20)))
        .isInstanceOf(JobFailedException.class)
        .hasMessageContaining("mem=2147483648 bytes")
        .hasMessageContaining("whole allotment is cpu=1.0, mem=536870912 bytes");
  }

  @Test
  void a_task_asking_more_cpu_than_the_job_has_fails_the_job_with_asked_and_limit() {
    Map<String, Object> args =
        Map.of(
            "circuit_list",
            circuitList(),
            "optimization_level",
            1,
            "backend",
            "fake_manila",
            "task_cpu",
            16);
    Job job = client.run(ExampleProgram.DISTRIBUTED_TRANSPILATION.title(), args);

    assertThatThrownBy(() -> job.result(Duration.ofSeconds(120)))
        .isInstanceOf(JobFailedException.class)
        .hasMessageContaining("asks cpu=16.0")
        .hasMessageContaining("could never start");
    assertThat(job.events())
        .filteredOn(e -> "ERROR".equals(e.type()))
        .extracting(JobEvent::message)
        .anySatisfy(m -> assertThat(m).startsWith("transpilation failed: a task asks cpu=16.0"));
  }

  private static void assertIsa(QuantumCircuit circuit) {
    for (CircuitInstruction in : circuit.data()) {
      String name = in.operation().name();
      if (name.equals("measure") || name.equals("barrier")) {
        continue;
      }
      assertThat(MANILA.basisGates()).as("gate %s", name).contains(name);
      if (in.qubits().length == 2) {
        assertThat(MANILA.couplingMap().hasEdge(in.qubit(0), in.qubit(1)))
            .as("cx(%d, %d) on a coupled pair", in.qubit(0), in.qubit(1))
            .isTrue();
      }
    }
  }
}
