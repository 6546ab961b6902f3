package io.qserverless.runtime.cluster;

import io.qserverless.runtime.Resources;
import io.qserverless.runtime.Task;
import java.util.concurrent.TimeUnit;

/**
 * What the AOT cache of a cluster's JVMs is trained on: a driver and a worker member in this one
 * JVM form a private cluster, and one task travels to the worker and back, so both the master's and
 * the joiner's start are in the cache. Run by the gateway, never as a job.
 */
public final class ClusterTraining {
  private static final ClusterMember.Listener QUIET =
      new ClusterMember.Listener() {
        @Override
        public void joined(String name, String address, Resources allotment, String reason) {}

        @Override
        public void left(String name, String address, String reason) {}
      };

  private ClusterTraining() {}

  public static void main(String[] args) throws Exception {
    ClusterSettings settings = LocalWorkers.settings(1);
    Resources none = new Resources(0, 0, 0);
    Resources one = new Resources(1, 64L << 20, 0);
    try (ClusterMember driver = ClusterMember.start(settings, none, QUIET);
        ClusterMember worker =
            ClusterMember.start(
                ClusterSettings.fromEnvironment(settings.workerEnvironment(1), 1, one),
                one,
                QUIET)) {
      driver.awaitWorkers();
      Task<String> task = () -> "trained";
      driver.submit(Resources.cpu(1), task, false).outcome().get(60, TimeUnit.SECONDS);
    }
    System.exit(0);
  }
}
