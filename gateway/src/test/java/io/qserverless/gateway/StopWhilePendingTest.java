package io.qserverless.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.qserverless.gateway.runner.JobDirectory;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A stop that arrives while a job is PENDING: the scheduler has picked it, its process is not
 * started yet. The job's log is made a FIFO before it starts; the runner opens the log before it
 * starts the process, and opening a FIFO for writing waits for a reader, so the job stays PENDING
 * until the test opens the FIFO. No switch in the gateway is needed for it (Linux FIFO semantics).
 * The FIFO is reached through a second name, so that the log can become a plain file again (the
 * runner reads the log's tail when the job ends) before the job is let go. Without standby JVMs: a
 * job that takes a standby finds its process, and its log, already there.
 */
class StopWhilePendingTest {
  private static final String SLEEP = "{\"mode\": \"sleep\", \"ms\": 60000}";

  @Test
  void stop_of_a_pending_job_answers_200_and_the_job_ends_stopped_once_its_process_starts()
      throws Exception {
    try (GatewayHarness gw = GatewayHarness.start(b -> b.maxRunningJobs(1).standbyJvms(0))) {
      String user = gw.newUserWithProbe();
      String first = gw.run(user, "probe", SLEEP);
      gw.awaitStatus(user, first, "RUNNING");
      String second = gw.run(user, "probe", SLEEP); // queued: the user's one running slot is taken
      Path log = JobDirectory.of(gw.dataDir.resolve("jobs"), second).log();
      Path fifo = log.resolveSibling("held.fifo");
      Files.createDirectories(log.getParent());
      assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
      Files.createLink(log, fifo);
      gw.post("/api/v1/jobs/" + first + "/stop/", user, null);
      gw.awaitStatus(user, second, "PENDING");

      GatewayHarness.Answer stop = gw.post("/api/v1/jobs/" + second + "/stop/", user, null);
      assertThat(stop.status()).isEqualTo(200);
      assertThat(stop.message()).isEqualTo("Job " + second + " is being stopped.");
      assertThat(gw.get("/api/v1/jobs/" + second + "/", user).json().get("status").asString())
          .isEqualTo("PENDING");

      Path plain = Files.createFile(log.resolveSibling("plain.log"));
      Files.move(plain, log, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      // Read-write opens a FIFO without waiting (Linux), and lets the runner's open go on.
      try (FileChannel reader =
          FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        JsonNode job = gw.awaitStatus(user, second, "STOPPED", "SUCCEEDED", "FAILED");
        assertThat(job.get("status").asString()).isEqualTo("STOPPED");
        assertThat(job.get("reason").asString()).contains("Stopped by");
      }
    }
  }
}
