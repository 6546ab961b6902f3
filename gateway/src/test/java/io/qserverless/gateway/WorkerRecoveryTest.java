package io.qserverless.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * A gateway killed with {@code kill -9} while jobs run with workers: a job whose driver dies while
 * no gateway runs leaves no worker JVM behind even before a gateway starts again; a job that lives
 * on is re-adopted with its workers, finishes, and ends them.
 */
@Timeout(180)
class WorkerRecoveryTest {
  @Test
  void after_kill_9_workers_of_a_dead_job_end_alone_and_a_surviving_job_keeps_its_workers()
      throws Exception {
    Path data = Files.createTempDirectory("qs-worker-restart");
    int port = GatewayChild.freePort();
    List<String> log = GatewayChild.newLog();
    GatewayChild first = GatewayChild.start(data, port, log);
    try {
      recover(data, port, log, first);
    } finally {
      first.kill();
      // A failed run must not leave its jobs running on this machine.
      ProcessHandle.allProcesses()
          .filter(p -> commandLine(p).contains(data.toString()))
          .forEach(ProcessHandle::destroyForcibly);
    }
  }

  private static void recover(Path data, int port, List<String> log, GatewayChild first)
      throws IOException {
    String token = first.token();
    GatewayHarness gw = GatewayHarness.remote("http://127.0.0.1:" + port, token, data);
    byte[] program;
    try (InputStream in = WorkerRecoveryTest.class.getResourceAsStream("/programs/JvmIds.java")) {
      program = GatewayHarness.tar(Map.of("JvmIds.java", in.readAllBytes()));
    }
    assertThat(gw.upload(token, "jvm-ids", "JvmIds.java", program).status()).isEqualTo(200);
    // Six 1-cpu tasks of 3 s on 2 workers (one added at run time): about 9 s.
    String survivor =
        run(
            gw,
            token,
            "{\"block_seconds\": 3}",
            Map.of(
                "auto_scaling", true,
                "workers", 1,
                "min_workers", 1,
                "max_workers", 2,
                "worker_mem", "256m"));
    String victim =
        run(gw, token, "{\"block_seconds\": 120}", Map.of("workers", 1, "worker_mem", "256m"));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                JobWorkersTest.events(gw, token, survivor, "WORKER_JOINED").size() == 2
                    && JobWorkersTest.events(gw, token, victim, "WORKER_JOINED").size() == 1);
    assertThat(JobWorkersTest.processesOf(victim))
        .as("the victim's driver and worker")
        .hasSizeGreaterThanOrEqualTo(2);

    first.kill();
    killDriver(victim);
    // No gateway runs: the victim's worker ends by itself, with its job.
    JobWorkersTest.awaitNoProcessOf(victim);
    assertThat(JobWorkersTest.processesOf(survivor))
        .as("the survivor's driver and 2 workers live on")
        .hasSizeGreaterThanOrEqualTo(3);

    try (GatewayChild second = GatewayChild.start(data, port, log)) {
      assertThat(log)
          .anyMatch(
              l -> l.contains("job " + survivor + " re-adopted") && l.endsWith("with 2 workers"));
      JsonNode s = gw.awaitStatus(token, survivor, "SUCCEEDED", "FAILED", "STOPPED");
      assertThat(s.get("status").asString()).as(String.join("\n", log)).isEqualTo("SUCCEEDED");
      JobWorkersTest.awaitNoProcessOf(survivor);
      JsonNode v = gw.awaitStatus(token, victim, "SUCCEEDED", "FAILED", "STOPPED");
      assertThat(v.get("status").asString()).isEqualTo("FAILED");
    }
  }

  private static String run(
      GatewayHarness gw, String token, String arguments, Map<String, Object> config) {
    GatewayHarness.Answer a =
        gw.post(
            "/api/v1/programs/run/",
            token,
            Map.of("title", "jvm-ids", "arguments", arguments, "config", config));
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    return a.json().get("id").asString();
  }

  /** SIGKILL to a job's driver: its wrapper and what runs under it, not its workers. */
  private static void killDriver(String jobId) throws IOException {
    List<ProcessHandle> wrappers =
        ProcessHandle.allProcesses()
            .filter(p -> isDriverWrapper(p, jobId))
            .filter(p -> p.parent().map(parent -> !isDriverWrapper(parent, jobId)).orElse(true))
            .toList();
    assertThat(wrappers).as("the driver's wrapper of job " + jobId).hasSize(1);
    for (ProcessHandle p : wrappers) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }

  /**
   * The wrapper shell of a job's driver ({@code sh -c <wrapper> qs-job <job dir> ...}), or one of
   * the subshells it forked.
   */
  private static boolean isDriverWrapper(ProcessHandle p, String jobId) {
    String[] argv = commandLine(p).split("\0");
    return argv.length > 4 && argv[3].equals("qs-job") && argv[4].endsWith(jobId);
  }

  private static String commandLine(ProcessHandle p) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline"));
    } catch (IOException e) {
      return ""; // the process ended meanwhile
    }
  }
}
