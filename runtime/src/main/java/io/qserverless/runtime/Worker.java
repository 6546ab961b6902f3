package io.qserverless.runtime;

import io.qserverless.protocol.JobEnvironment;
import io.qserverless.runtime.cluster.ClusterMember;
import io.qserverless.runtime.cluster.ClusterSettings;
import io.qserverless.runtime.cluster.LocalWorkers;
import io.qserverless.runtime.cluster.PrefixedOutput;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The main class of a worker JVM of a job: joins the job's cluster (settings from the environment,
 * see {@link JobEnvironment#CLUSTER_NAME}), runs the tasks the driver places on it until the driver
 * leaves, then exits. Started by the gateway's runner, or by a driver run with plain {@code java}
 * ({@link LocalWorkers}). Its output lines start with {@code [worker-N]}.
 *
 * <p>Exit codes: 0 when the driver left (the job ended), 1 when no driver joined in time.
 */
public final class Worker {
  private Worker() {}

  public static void main(String[] args) throws InterruptedException {
    Map<String, String> env = System.getenv();
    Resources allotment = Allotment.fromEnvironment(env);
    ClusterSettings settings =
        ClusterSettings.fromEnvironment(env, ClusterSettings.workersAsked(env), allotment);
    PrefixedOutput.install("[" + settings.memberName() + "] ");
    CountDownLatch driverGone = new CountDownLatch(1);
    String driverPid = env.get(LocalWorkers.DRIVER_PID);
    if (driverPid != null) {
      ProcessHandle.of(Long.parseLong(driverPid))
          .ifPresentOrElse(p -> p.onExit().thenRun(driverGone::countDown), driverGone::countDown);
    }
    if (settings.awaitFirstListener().isEmpty()) {
      System.err.println(
          "no member of the job's cluster listened on "
              + settings.host()
              + " ports "
              + settings.firstPort()
              + "-"
              + settings.lastPort()
              + " within "
              + settings.joinTimeout().toSeconds()
              + " s: this worker ends");
      System.exit(1);
    }
    ClusterMember member =
        ClusterMember.start(
            settings,
            allotment,
            new ClusterMember.Listener() {
              @Override
              public void joined(String name, String address, Resources r, String reason) {}

              @Override
              public void left(String name, String address, String reason) {}

              @Override
              public void driverLeft() {
                driverGone.countDown();
              }
            });
    Serverless.runtime().useTasks(new ClusterTaskExecutor(member));
    if (!member.awaitDriver()) {
      System.err.println(
          "no driver joined the job's cluster within "
              + settings.joinTimeout().toSeconds()
              + " s: this worker ends");
      System.exit(1);
    }
    driverGone.await();
    System.exit(0);
  }
}
