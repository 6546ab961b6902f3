package io.qserverless.gateway.job;

import io.qserverless.protocol.JobStatus;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The sets of statuses the job queries use, derived from {@link JobStatus} so that no query keeps
 * its own list of names that a new status could miss.
 */
final class StatusSets {
  /** Queued or started: counts against the user's active-job limit. */
  static final Set<JobStatus> ACTIVE =
      Arrays.stream(JobStatus.values())
          .filter(s -> !s.isTerminal())
          .collect(Collectors.toCollection(() -> EnumSet.noneOf(JobStatus.class)));

  /** Handed to a runner: holds capacity on the node. */
  static final Set<JobStatus> STARTED =
      EnumSet.complementOf(
          EnumSet.of(JobStatus.QUEUED, JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.STOPPED));

  private StatusSets() {}

  /**
   * The SQL list of a set, e.g. {@code 'PENDING', 'RUNNING'} (enum names only, never user text).
   */
  static String sql(Set<JobStatus> statuses) {
    return statuses.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
  }
}
