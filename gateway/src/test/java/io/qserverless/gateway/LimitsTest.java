package io.qserverless.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Size and count caps answer 413 / 429 with the limit in the message, on a gateway with small caps.
 */
class LimitsTest {
  static GatewayHarness gw;
  static String user;

  @BeforeAll
  static void start() {
    gw =
        GatewayHarness.start(
            b -> b.maxArgumentsBytes(1024).maxFileBytes(2048).maxActiveJobs(2).maxRunningJobs(1));
    user = gw.token();
    byte[] script = GatewayHarness.tar(Map.of("run.sh", "#!/bin/sh\nsleep 30\n".getBytes()));
    assertThat(gw.upload(user, "slow", "run.sh", script).status()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    gw.close();
  }

  @Test
  void arguments_over_the_cap_answer_413_with_the_cap() {
    GatewayHarness.Answer a =
        gw.post(
            "/api/v1/programs/run/",
            user,
            Map.of("title", "slow", "arguments", "{\"x\": \"" + "y".repeat(2000) + "\"}"));
    assertThat(a.status()).isEqualTo(413);
    assertThat(a.message()).contains("cap of 1024 bytes");
  }

  @Test
  void a_file_over_the_cap_answers_413_and_is_not_stored() {
    byte[] big = new byte[4096];
    System.arraycopy(FilesApiTest.HDF5, 0, big, 0, 8);
    GatewayHarness.Answer a =
        gw.multipart(
            "/api/v1/files/upload/?function=slow",
            user,
            Map.of("file", new GatewayHarness.FilePart("big.h5", big)));
    assertThat(a.status()).isEqualTo(413);
    assertThat(gw.get("/api/v1/files/?function=slow", user).json().get("results")).isEmpty();
  }

  @Test
  void the_running_limit_keeps_a_second_job_queued_and_runs_over_the_active_limit_answer_429() {
    String a = gw.run(user, "slow", "{}");
    String b = gw.run(user, "slow", "{}");
    gw.awaitStatus(user, a, "RUNNING");
    assertThat(gw.get("/api/v1/jobs/" + b + "/", user).json().get("status").asString())
        .isEqualTo("QUEUED");
    GatewayHarness.Answer third = gw.post("/api/v1/programs/run/", user, Map.of("title", "slow"));
    assertThat(third.status()).isEqualTo(429);
    assertThat(third.message()).contains("the limit of 2 active");
    gw.post("/api/v1/jobs/" + a + "/stop/", user, null);
    gw.post("/api/v1/jobs/" + b + "/stop/", user, null);
    gw.awaitStatus(user, a, "STOPPED");
    gw.awaitStatus(user, b, "STOPPED");
  }
}
