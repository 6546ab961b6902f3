package io.qserverless.cli;

import io.qserverless.gateway.Gateway;
import io.qserverless.gateway.config.GatewayConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code qs gateway}: starts the gateway in this process and serves until interrupted.
 *
 * <p>The first user comes from {@code GATEWAY_USER} / {@code GATEWAY_PASSWORD}; without them the
 * gateway creates {@code user} / {@code password123} on a loopback address only.
 */
@Command(
    name = "gateway",
    mixinStandardHelpOptions = true,
    description = "Start the gateway (REST API, scheduler, job runner) and serve until Ctrl+C.")
public final class GatewayCommand implements Callable<Integer> {
  @Option(
      names = "--host",
      description = "Address to bind (default: ${DEFAULT-VALUE}).",
      defaultValue = "127.0.0.1")
  String host;

  @Option(
      names = "--port",
      description = "TCP port, 0 for any free one (default: ${DEFAULT-VALUE}).",
      defaultValue = "8000")
  int port;

  @Option(
      names = "--data-dir",
      description = "Database, artifacts, job directories and files (default: ${DEFAULT-VALUE}).",
      defaultValue = "${sys:user.home}/.qserverless")
  Path dataDir;

  @Option(
      names = "--db-url",
      description =
          "JDBC URL, e.g. jdbc:postgresql://host/db (default: H2 file under the data dir).")
  String dbUrl;

  @Option(
      names = "--db-user",
      description = "Database user.",
      defaultValue = "${env:GATEWAY_DB_USER}")
  String dbUser;

  @Option(
      names = "--db-password",
      description = "Database password (better: GATEWAY_DB_PASSWORD).",
      defaultValue = "${env:GATEWAY_DB_PASSWORD}")
  String dbPassword;

  @Option(
      names = "--max-active-jobs",
      description = "Queued + running jobs per user (default: ${DEFAULT-VALUE}).",
      defaultValue = "100")
  int maxActiveJobs;

  @Option(
      names = "--max-running-jobs",
      description = "Running jobs per user (default: ${DEFAULT-VALUE}).",
      defaultValue = "8")
  int maxRunningJobs;

  @Option(
      names = "--job-timeout",
      description = "Longest a job may run, ISO-8601 (default: ${DEFAULT-VALUE}).",
      defaultValue = "PT24H")
  Duration jobTimeout;

  @Option(
      names = "--node-cpus",
      description = "Cores jobs may use together (default: this machine's).")
  Double nodeCpus;

  @Option(
      names = "--node-mem-mib",
      description = "MiB of memory jobs may use together (default: this machine's).")
  Long nodeMemMib;

  @Mixin DependencyOptions dependencies;

  @Option(
      names = "--max-log-mib",
      description =
          "MiB of a job's log kept on disk: its head and tail (default: ${DEFAULT-VALUE}).",
      defaultValue = "50")
  long maxLogMib;

  @Option(
      names = "--max-job-dir-mib",
      description =
          "MiB a job's directory may hold; past it the job fails (default: ${DEFAULT-VALUE}).",
      defaultValue = "2048")
  long maxJobDirMib;

  @Option(
      names = "--standby-jvms",
      description =
          "Job JVMs booted ahead, each for the next run of one function by one user, so that run "
              + "starts at once; 0 for none (default: ${DEFAULT-VALUE}).",
      defaultValue = "4")
  int standbyJvms;

  @Option(
      names = "--no-sandbox",
      description =
          "Run jobs without the bubblewrap sandbox, as this process's user, "
              + "seeing each other and the gateway's files (see docs/operations.md, Security model).")
  boolean noSandbox;

  @Option(
      names = "--job-uids",
      description =
          "When the gateway runs as root, the uids (and gids) the jobs of users 1, 2... run as, one "
              + "per user, as FIRST-LAST; held by no user or group of the machine "
              + "(default: ${DEFAULT-VALUE}).",
      defaultValue = "1900000001-2000000000")
  String jobUids;

  @Override
  public Integer call() throws InterruptedException {
    GatewayConfig.Builder b =
        GatewayConfig.builder(dataDir)
            .host(host)
            .port(port)
            .database(dbUrl, dbUser, dbPassword)
            .maxActiveJobs(maxActiveJobs)
            .maxRunningJobs(maxRunningJobs)
            .jobTimeout(jobTimeout)
            .dependencies(dependencies.settings())
            .maxLogBytes(maxLogMib << 20)
            .maxJobDirBytes(maxJobDirMib << 20)
            .standbyJvms(standbyJvms)
            .noSandbox(noSandbox);
    String[] uids = jobUids.split("-", -1);
    try {
      if (uids.length != 2) {
        throw new NumberFormatException();
      }
      long first = Long.parseLong(uids[0]);
      b.jobUids(first - 1, Long.parseLong(uids[1]) - first + 1);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--job-uids must be FIRST-LAST, e.g. 1900000001-2000000000, got '" + jobUids + "'");
    }
    String user = System.getenv("GATEWAY_USER");
    String password = System.getenv("GATEWAY_PASSWORD");
    if (user != null || password != null) {
      b.initialUser(user, password);
    }
    if (nodeCpus != null || nodeMemMib != null) {
      GatewayConfig defaults = GatewayConfig.builder(dataDir).build();
      b.node(
          nodeCpus != null ? nodeCpus : defaults.node().cpus(),
          nodeMemMib != null ? nodeMemMib << 20 : defaults.node().memoryBytes());
    }
    Gateway gateway = Gateway.start(b.build());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  gateway.close();
                  stopped.countDown();
                }));
    stopped.await();
    return 0;
  }
}
