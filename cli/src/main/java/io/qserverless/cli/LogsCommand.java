package io.qserverless.cli;

import io.qserverless.client.Job;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code qs logs ID [-f]}: prints a job's log; with {@code -f}, follows it until the job ends. */
@Command(name = "logs", description = "Print a job's log (also while it runs).")
final class LogsCommand implements Callable<Integer> {
  @Mixin GatewayOptions gateway;

  @Parameters(paramLabel = "ID", description = "the job id")
  String id;

  @Option(
      names = {"-f", "--follow"},
      description = "keep printing new lines until the job ends")
  boolean follow;

  @Override
  public Integer call() throws InterruptedException {
    Job job = gateway.client().job(id);
    int printed = 0;
    while (true) {
      boolean ended = !follow || job.inTerminalState();
      String logs = job.logs();
      // The gateway answers the whole log each time; print what is new since the last poll.
      if (logs.length() > printed) {
        gateway.out().print(logs.substring(printed));
        gateway.out().flush();
        printed = logs.length();
      }
      if (ended) {
        return 0;
      }
      Thread.sleep(500);
    }
  }
}
