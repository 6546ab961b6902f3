package io.qserverless.cli;

import io.qserverless.client.Job;
import io.qserverless.client.JobInfo;
import io.qserverless.client.ServerlessClient;
import io.qserverless.examples.ExampleProgram;
import io.qserverless.gateway.Gateway;
import io.qserverless.gateway.config.GatewayConfig;
import io.qserverless.protocol.JobStatus;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.circuit.random.RandomCircuit;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qs demo}: the parallel-workflow seed end to end on a gateway started in this process
 * (temporary data directory, random port), which is stopped and removed at the end.
 */
@Command(
    name = "demo",
    description =
        "Run the parallel-workflow example on an embedded gateway: "
            + "upload, run with random 2-qubit circuits, print each status change and the result.")
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--circuits",
      description = "how many random circuits (default: ${DEFAULT-VALUE})")
  int count = 3;

  @Option(
      names = "--seed",
      description = "seed of the random circuits (default: a new one each run)")
  Long seed;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Path data = Files.createTempDirectory("qs-demo-");
    // A gateway of one run in a fresh directory: JVM caches trained now would be thrown away.
    try (Gateway gateway =
        Gateway.start(GatewayConfig.builder(data).port(0).jvmCaches(false).build())) {
      ServerlessClient client = ServerlessClient.connect(gateway.url(), gateway.initialToken());
      ExampleProgram example = ExampleProgram.PARALLEL_WORKFLOW;
      example.upload(client);
      out.println(
          "uploaded " + example.title() + " (" + example.entrypoint() + ") to " + gateway.url());

      Random random = seed == null ? new Random() : new Random(seed);
      List<QuantumCircuit> circuits = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        circuits.add(RandomCircuit.randomCircuit(2, 2, random.nextLong()).measureAll());
        out.println("circuit " + i + ":\n" + circuits.get(i).draw());
      }
      Job job = client.run(example.title(), Map.of("circuits", circuits));
      out.println("job " + job.id());
      JobInfo end = JobWatcher.onConsole(out).watch(job);
      if (end.status() != JobStatus.SUCCEEDED) {
        spec.commandLine()
            .getErr()
            .println(
                "qs demo: the job ended "
                    + end.shown()
                    + ": "
                    + job.errorMessage()
                    + "\n"
                    + job.logs());
        return 1;
      }
      Output.json(out, job.result());
      return 0;
    } finally {
      delete(data);
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
