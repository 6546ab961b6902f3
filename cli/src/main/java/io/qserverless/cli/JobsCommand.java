package io.qserverless.cli;

import io.qserverless.client.Job;
import io.qserverless.client.JobInfo;
import io.qserverless.client.JobQuery;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code qs jobs}: the caller's jobs, newest first. */
@Command(name = "jobs", description = "List your jobs, newest first.")
final class JobsCommand implements Callable<Integer> {
  @Mixin GatewayOptions gateway;

  @Option(names = "--limit", description = "at most this many (default: ${DEFAULT-VALUE})")
  int limit = 10;

  @Option(names = "--offset", description = "skip this many of the newest")
  int offset;

  @Option(
      names = "--status",
      description = "only this wire status: QUEUED, PENDING, RUNNING, SUCCEEDED, FAILED, STOPPED")
  String status;

  @Option(names = "--function", paramLabel = "TITLE", description = "only jobs of this function")
  String function;

  @Option(
      names = "--created-after",
      paramLabel = "ISO-8601",
      description = "only jobs created after this instant")
  Instant createdAfter;

  @Option(names = "--json", description = "print the jobs as JSON")
  boolean json;

  @Override
  public Integer call() {
    JobQuery query =
        JobQuery.first(limit)
            .withOffset(offset)
            .withStatus(status)
            .withFunction(function)
            .createdAfter(createdAfter);
    List<JobInfo> jobs = gateway.client().jobs(query).stream().map(Job::lastInfo).toList();
    if (json) {
      Output.json(gateway.out(), jobs);
      return 0;
    }
    String row = "%-38s %-28s %-24s %s%n";
    gateway.out().printf(row, "ID", "STATUS", "FUNCTION", "CREATED");
    for (JobInfo j : jobs) {
      gateway.out().printf(row, j.id(), j.shown(), j.function(), j.created());
    }
    return 0;
  }
}
