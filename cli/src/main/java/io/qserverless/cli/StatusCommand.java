package io.qserverless.cli;

import io.qserverless.client.JobInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code qs status ID}: a job's status as users know it (QUEUED, RUNNING: MAPPING, DONE...). */
@Command(name = "status", description = "Show a job's status.")
final class StatusCommand implements Callable<Integer> {
  @Mixin GatewayOptions gateway;

  @Parameters(paramLabel = "ID", description = "the job id")
  String id;

  @Option(names = "--json", description = "print the job as JSON")
  boolean json;

  @Override
  public Integer call() {
    JobInfo info = gateway.client().job(id).lastInfo();
    if (json) {
      Output.json(gateway.out(), info);
    } else {
      gateway.out().println(info.shown());
    }
    return 0;
  }
}
