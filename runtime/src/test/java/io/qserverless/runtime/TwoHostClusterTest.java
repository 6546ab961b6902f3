package io.qserverless.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.qserverless.protocol.JobEnvironment;
import io.qserverless.runtime.cluster.ClusterMember;
import io.qserverless.runtime.cluster.ClusterSettings;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A job's cluster across two "hosts": the driver in this machine's network namespace, a worker in a
 * network namespace of its own joined to it by a veth pair, each member bound to its own address
 * and given the other's in its join list (docs/operations.md, "Beyond one machine"). Needs root and
 * {@code ip} (iproute2); skipped otherwise.
 */
@Timeout(90)
class TwoHostClusterTest {
  private static final Path IP = Path.of("/usr/sbin/ip");
  private final String tag = HexFormat.of().formatHex(randomBytes());
  private final String namespace = "qs-" + tag;
  private final String hostSide = "qsa" + tag;
  private final String subnet = "10.213." + ThreadLocalRandom.current().nextInt(1, 250) + ".";
  private Process worker;
  private ClusterMember driver;

  @Test
  void a_worker_in_another_network_namespace_joins_by_its_address_and_runs_the_tasks()
      throws Exception {
    assumeTrue(
        ProcessHandle.current().info().user().map("root"::equals).orElse(false)
            && Files.isExecutable(IP),
        "needs root and /usr/sbin/ip to make a network namespace");
    String driverHost = subnet + "1";
    String workerHost = subnet + "2";
    ip("netns", "add", namespace);
    ip("link", "add", hostSide, "type", "veth", "peer", "name", "qsb" + tag);
    ip("link", "set", "qsb" + tag, "netns", namespace);
    ip("addr", "add", driverHost + "/30", "dev", hostSide);
    ip("link", "set", hostSide, "up");
    ip(
        "netns",
        "exec",
        namespace,
        IP.toString(),
        "addr",
        "add",
        workerHost + "/30",
        "dev",
        "qsb" + tag);
    ip("netns", "exec", namespace, IP.toString(), "link", "set", "qsb" + tag, "up");

    String name = "qs-" + HexFormat.of().formatHex(randomBytes()) + tag;
    List<String> members = List.of(driverHost + ":5701", workerHost + ":5701");
    ClusterSettings settings =
        new ClusterSettings(
            name, driverHost, 5701, 5703, members, 1, 1, 0, Duration.ofSeconds(30), null);
    ProcessBuilder pb =
        new ProcessBuilder(
                IP.toString(),
                "netns",
                "exec",
                namespace,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Worker.class.getName())
            .inheritIO();
    pb.environment().put(JobEnvironment.CLUSTER_NAME, name);
    pb.environment().put(JobEnvironment.CLUSTER_PORTS, "5701-5703");
    pb.environment().put(JobEnvironment.CLUSTER_HOST, workerHost);
    pb.environment().put(JobEnvironment.CLUSTER_MEMBERS, String.join(",", members));
    pb.environment().put(JobEnvironment.WORKERS, "1");
    pb.environment().put(JobEnvironment.WORKER_INDEX, "1");
    pb.environment().put(JobEnvironment.JOB_CPU, "1");
    pb.environment().put(JobEnvironment.JOB_MEMORY, Long.toString(1L << 30));
    worker = pb.start();
    driver = ClusterMember.start(settings, new Resources(0, 0, 0), new ClusterLog(null, null));
    driver.awaitWorkers();
    ClusterTaskExecutor cluster = new ClusterTaskExecutor(driver);

    List<TaskRef<String>> refs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      refs.add(cluster.submit(Resources.cpu(1), TwoHostClusterTest::addresses));
    }
    for (String seen : cluster.get(refs)) {
      assertThat(seen)
          .as("the task ran on the other host, which has its address and not the driver's")
          .contains(workerHost)
          .doesNotContain(driverHost);
    }
  }

  /** The IPv4 addresses of the network namespace the task runs in. */
  private static String addresses() throws IOException {
    List<String> out = new ArrayList<>();
    for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
      nic.inetAddresses()
          .filter(a -> a instanceof Inet4Address)
          .forEach(a -> out.add(a.getHostAddress()));
    }
    return String.join(",", out) + "@" + JvmId.ID;
  }

  @AfterEach
  void cleanUp() throws Exception {
    if (driver != null) {
      driver.close();
    }
    if (worker != null) {
      worker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    if (!Files.isExecutable(IP)) {
      return;
    }
    // Deleting the namespace deletes its end of the pair, and with it the host's end.
    new ProcessBuilder(IP.toString(), "netns", "del", namespace).inheritIO().start().waitFor();
  }

  private static void ip(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(IP.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(String.join(" ", cmd) + ": " + out).isZero();
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[3];
    ThreadLocalRandom.current().nextBytes(b);
    return b;
  }
}
