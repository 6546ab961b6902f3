package io.qserverless.client;

import java.util.Map;

/**
 * How a job runs (API.md, the {@code config} of {@code POST /programs/run/}): the worker nodes of
 * its task cluster. Workers are for a distributed engine; with none, tasks run in the job's own
 * process.
 */
public record RunConfig(int workers, int minWorkers, int maxWorkers, boolean autoScaling) {
  public RunConfig {
    if (workers < 0 || minWorkers < 0 || maxWorkers < minWorkers) {
      throw new IllegalArgumentException("RunConfig needs workers >= 0 and 0 <= min_workers <= max_workers, got workers="
          + workers + ", min_workers=" + minWorkers + ", max_workers=" + maxWorkers);
    }
  }

  Map<String, Object> toJson() {
    return Map.of("workers", workers, "min_workers", minWorkers, "max_workers", maxWorkers, "auto_scaling", autoScaling);
  }
}
