package io.qserverless.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code qs stop ID}: stops a job (harmless on a finished one). */
@Command(name = "stop", description = "Stop a job.")
final class StopCommand implements Callable<Integer> {
  @Mixin GatewayOptions gateway;

  @Parameters(paramLabel = "ID", description = "the job id")
  String id;

  @Override
  public Integer call() {
    gateway.out().println(gateway.client().job(id).stop());
    return 0;
  }
}
