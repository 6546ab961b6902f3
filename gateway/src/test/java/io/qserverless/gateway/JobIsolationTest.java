package io.qserverless.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.qserverless.protocol.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What a job process gets from the gateway: its environment (issue 13, attack 2). */
class JobIsolationTest {
  static GatewayHarness gw;

  @BeforeAll
  static void start() {
    gw = GatewayHarness.shared();
  }

  @Test
  void a_job_gets_exactly_the_contract_its_env_vars_and_path_home_lang() {
    String user = gw.newUser();
    uploadIntruder(user, "{\"GREETING\": \"hello\"}");
    JsonNode env = result(user, gw.run(user, "intruder", "{\"mode\": \"env\"}"));
    Map<String, String> got = new LinkedHashMap<>();
    env.properties().forEach(e -> got.put(e.getKey(), e.getValue().asString()));
    // PWD is the job's working directory, set by the shell that records the exit code.
    assertThat(got.keySet()).containsExactlyInAnyOrder("PATH", "HOME", "LANG", "PWD", "GREETING",
        "ENV_JOB_GATEWAY_HOST", "ENV_JOB_GATEWAY_TOKEN", "ENV_JOB_ID_GATEWAY", "ARGUMENTS_PATH", "RESULTS_PATH",
        "DATA_PATH", "QS_JOB_CPU", "QS_JOB_MEMORY");
    assertThat(got.get("GREETING")).isEqualTo("hello");
    assertThat(got.get("HOME")).isEqualTo(java.nio.file.Path.of(got.get("RESULTS_PATH")).getParent().toString());
    assertThat(got.get("ENV_JOB_GATEWAY_HOST")).isEqualTo(gw.url());
  }

  static void uploadIntruder(String user, String envVars) {
    Map<String, Object> parts = new LinkedHashMap<>();
    parts.put("title", "intruder");
    parts.put("entrypoint", "Intruder.java");
    parts.put("env_vars", envVars);
    parts.put("artifact", new GatewayHarness.FilePart("artifact.tar", GatewayHarness.tar(Map.of("Intruder.java", source()))));
    GatewayHarness.Answer a = gw.multipart("/api/v1/programs/upload/", user, parts);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
  }

  static JsonNode result(String user, String jobId) {
    JsonNode job = gw.awaitStatus(user, jobId, "SUCCEEDED", "FAILED", "STOPPED");
    assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
    return Json.MAPPER.readTree(gw.get("/api/v1/jobs/" + jobId + "/result/", user).json().get("result").asString());
  }

  private static byte[] source() {
    try (InputStream in = JobIsolationTest.class.getResourceAsStream("/programs/Intruder.java")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
