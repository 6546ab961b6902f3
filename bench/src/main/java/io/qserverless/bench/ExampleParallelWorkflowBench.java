package io.qserverless.bench;

import io.qserverless.client.Job;
import io.qserverless.client.ServerlessClient;
import io.qserverless.examples.ExampleProgram;
import io.qserverless.gateway.Gateway;
import io.qserverless.gateway.config.GatewayConfig;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.circuit.random.RandomCircuit;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Wall time of example 1 (parallel workflow, 3 random 2-qubit circuits) from {@code run} to the
 * result being available to the client (goal: 1.5 s), on an in-process gateway with the embedded
 * defaults. The first runs warm the gateway; the figures are over the measured runs.
 *
 * <p>Usage: {@code ./qs bench ExampleParallelWorkflow [runs]} (default 10).
 */
public final class ExampleParallelWorkflowBench {
  private ExampleParallelWorkflowBench() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    try (Gateway gateway =
        Gateway.start(
            GatewayConfig.builder(Files.createTempDirectory("qs-bench-"))
                .port(0)
                .jvmCaches(false)
                .build())) {
      ServerlessClient client = ServerlessClient.connect(gateway.url(), gateway.initialToken());
      ExampleProgram.PARALLEL_WORKFLOW.upload(client);
      for (int i = 0; i < 2; i++) {
        System.out.printf("warm-up %d: %.3f s%n", i + 1, once(client, i));
      }
      double[] seconds = new double[runs];
      for (int i = 0; i < runs; i++) {
        seconds[i] = once(client, 100 + i);
        System.out.printf("run %2d: %.3f s%n", i + 1, seconds[i]);
      }
      Arrays.sort(seconds);
      double median = seconds[runs / 2];
      System.out.printf(
          "run -> result: median %.3f s, min %.3f s, max %.3f s (goal 1.5 s: %.2fx of the budget)%n",
          median, seconds[0], seconds[runs - 1], median / 1.5);
    }
  }

  private static double once(ServerlessClient client, long seed) {
    List<QuantumCircuit> circuits = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      circuits.add(RandomCircuit.randomCircuit(2, 2, seed * 3 + i).measureAll());
    }
    long start = System.nanoTime();
    Job job = client.run(ExampleProgram.PARALLEL_WORKFLOW.title(), Map.of("circuits", circuits));
    Object result = job.result();
    double s = (System.nanoTime() - start) / 1e9;
    if (!(result instanceof Map<?, ?> m) || ((List<?>) m.get("results")).size() != 3) {
      throw new IllegalStateException("unexpected result " + result);
    }
    return s;
  }
}
