package io.qserverless.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code qs result ID}: waits for a job and prints its result as JSON. */
@Command(name = "result", description = "Wait for a job to finish and print its result as JSON.")
final class ResultCommand implements Callable<Integer> {
  @Mixin GatewayOptions gateway;

  @Parameters(paramLabel = "ID", description = "the job id")
  String id;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "give up after this many seconds (default: wait)")
  Long timeoutSeconds;

  @Override
  public Integer call() {
    Object result =
        gateway
            .client()
            .job(id)
            .result(timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds));
    Output.json(gateway.out(), result);
    return 0;
  }
}
