package io.qserverless.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A gateway killed with {@code kill -9} mid-job, then started again on the same data: running jobs
 * whose process survived finish normally, queued jobs run, a job whose process died too is finished
 * from what it left. No job stays RUNNING.
 */
class RestartRecoveryTest {
  @Test
  void after_kill_9_a_surviving_job_finishes_a_dead_one_fails_and_a_queued_one_runs()
      throws Exception {
    Path data = Files.createTempDirectory("qs-restart");
    int port = GatewayChild.freePort();
    List<String> log = GatewayChild.newLog();
    GatewayChild first = GatewayChild.start(data, port, log);
    String token = first.token();
    GatewayHarness gw = GatewayHarness.remote("http://127.0.0.1:" + port, token, data);
    assertThat(gw.uploadProbe(token, "probe").status()).isEqualTo(200);
    // The survivor runs until the test uploads go.txt, once the second gateway has adopted it.
    String survivor =
        gw.run(token, "probe", "{\"mode\": \"await\", \"file\": \"go.txt\", \"ms\": 300000}");
    String victim = gw.run(token, "probe", "{\"mode\": \"sleep\", \"ms\": 60000}");
    // The probe reports MAPPING once it has made its one call to the gateway; kill only after that.
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                Stream.of(survivor, victim)
                    .allMatch(
                        id ->
                            "MAPPING"
                                .equals(
                                    gw.get("/api/v1/jobs/" + id + "/", token)
                                        .json()
                                        .path("sub_status")
                                        .asString(null))));

    first.kill();
    killJobProcess(victim);

    try (GatewayChild second = GatewayChild.start(data, port, log)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> log.stream().anyMatch(l -> l.contains("job " + survivor + " re-adopted")));
      assertThat(gw.get("/api/v1/jobs/" + survivor + "/", token).json().get("status").asString())
          .isEqualTo("RUNNING");
      assertThat(
              gw.multipart(
                      "/api/v1/files/upload/",
                      token,
                      Map.of("file", new GatewayHarness.FilePart("go.txt", "go".getBytes())))
                  .status())
          .isEqualTo(200);
      JsonNode s = gw.awaitStatus(token, survivor, "SUCCEEDED", "FAILED", "STOPPED");
      assertThat(s.get("status").asString()).isEqualTo("SUCCEEDED");
      assertThat(
              gw.get("/api/v1/jobs/" + survivor + "/result/", token)
                  .json()
                  .get("result")
                  .asString())
          .contains("\"saw\": true");
      JsonNode v = gw.awaitStatus(token, victim, "SUCCEEDED", "FAILED", "STOPPED");
      assertThat(v.get("status").asString()).isEqualTo("FAILED");
      assertThat(v.get("reason").asString()).contains("killed");
      String later = gw.run(token, "probe", "{}");
      assertThat(gw.awaitStatus(token, later, "SUCCEEDED", "FAILED").get("status").asString())
          .isEqualTo("SUCCEEDED");
    }
  }

  /** Kills the wrapper and program of a job (SIGKILL), as if the machine's OOM killer had. */
  private static void killJobProcess(String jobId) {
    List<ProcessHandle> procs =
        ProcessHandle.allProcesses().filter(p -> commandLine(p).contains(jobId)).toList();
    assertThat(procs).as("wrapper process of job " + jobId).isNotEmpty();
    for (ProcessHandle p : procs) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }

  private static String commandLine(ProcessHandle p) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline"));
    } catch (IOException e) {
      return ""; // the process ended meanwhile
    }
  }
}
