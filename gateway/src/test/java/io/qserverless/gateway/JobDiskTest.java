package io.qserverless.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A job's disk use is capped: its log keeps head and tail (issue 13, attack 5), its directory fails
 * the job past the cap.
 */
class JobDiskTest {
  private static final long LOG_CAP = 64 * 1024;
  static GatewayHarness gw;
  static String user;

  @BeforeAll
  static void start() {
    gw = GatewayHarness.start(b -> b.maxLogBytes(LOG_CAP).maxJobDirBytes(1 << 20));
    user = gw.token();
  }

  @AfterAll
  static void stop() {
    gw.close();
  }

  @Test
  void a_log_past_the_cap_keeps_its_head_and_tail_with_a_marker_and_the_job_succeeds()
      throws IOException {
    // About 430 KB of numbered lines against a 64 KiB cap.
    String id =
        run(
            "talker",
            "i=0; while [ $i -lt 40000 ]; do echo \"line $i\"; i=$((i+1)); done; echo last line\n");
    JsonNode job = gw.awaitStatus(user, id, "SUCCEEDED", "FAILED", "STOPPED");
    assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
    String logs = gw.get("/api/v1/jobs/" + id + "/logs/", user).json().get("logs").asString();
    assertThat(logs)
        .startsWith("line 0\nline 1\n")
        .endsWith("line 39999\nlast line\n")
        .containsPattern(
            "\\[qs: \\d+ bytes of log dropped here; the log keeps its first 21845 and its last \\d+ bytes");
    Path dir = gw.dataDir.resolve("jobs").resolve(id);
    assertThat(Files.size(dir.resolve("job.log"))).isLessThanOrEqualTo(LOG_CAP + 200);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith("job.log.tail-"));
    }
  }

  @Test
  void a_job_directory_past_the_cap_fails_the_job_with_the_reason() {
    // Each file stays under the per-file limit (the same 1 MiB); together they pass the directory
    // cap.
    String id =
        run(
            "filler",
            "for i in 1 2 3; do head -c 600000 /dev/zero > \"$HOME/f$i\"; done; sleep 60\n");
    JsonNode job = gw.awaitStatus(user, id, "SUCCEEDED", "FAILED", "STOPPED");
    assertThat(job.get("status").asString()).isEqualTo("FAILED");
    assertThat(job.get("reason").asString())
        .contains("directory grew to")
        .contains("over the cap of 1048576 bytes");
  }

  private static String run(String title, String script) {
    byte[] tar = GatewayHarness.tar(Map.of("run.sh", ("#!/bin/sh\n" + script).getBytes()));
    GatewayHarness.Answer a = gw.upload(user, title, "run.sh", tar);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    return gw.run(user, title, "{}");
  }
}
