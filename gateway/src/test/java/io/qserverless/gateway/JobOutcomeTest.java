package io.qserverless.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * How jobs end: success, each kind of failure (with an ERROR event), timeout, and non-Java
 * programs.
 */
class JobOutcomeTest {
  static GatewayHarness gw;
  static String user;

  @BeforeAll
  static void upload() {
    gw = GatewayHarness.shared();
    user = gw.newUserWithProbe();
  }

  @Test
  void system_exit_3_fails_the_job_with_the_exit_code_in_the_reason_and_an_error_event() {
    String id = gw.run(user, "probe", "{\"mode\": \"exit3\"}");
    JsonNode job = gw.awaitStatus(user, id, "SUCCEEDED", "FAILED");
    assertThat(job.get("status").asString()).isEqualTo("FAILED");
    assertThat(job.get("reason").asString()).contains("exited with code 3");
    JsonNode errors = gw.get("/api/v1/jobs/" + id + "/events/?type=ERROR", user).json();
    assertThat(errors).hasSize(1);
    JsonNode data = errors.get(0).get("data");
    assertThat(data.get("code").asString()).isEqualTo("1");
    assertThat(data.get("message").asString()).isEqualTo(job.get("reason").asString());
    assertThat(data.get("exception").asString()).isEqualTo("ProcessExit");
    assertThat(data.get("args").isArray()).isTrue();
    assertThat(data.get("log_tail").asString()).contains("probe started");
  }

  @Test
  void
      an_uncaught_exception_fails_the_job_and_the_error_event_names_its_class_and_keeps_the_trace() {
    String id = gw.run(user, "probe", "{\"mode\": \"throw\"}");
    JsonNode job = gw.awaitStatus(user, id, "SUCCEEDED", "FAILED");
    assertThat(job.get("status").asString()).isEqualTo("FAILED");
    assertThat(job.get("reason").asString())
        .contains("uncaught exception: java.lang.IllegalStateException: probe failure on purpose");
    JsonNode error = gw.get("/api/v1/jobs/" + id + "/events/?type=ERROR", user).json().get(0);
    // The real Python client reads data["code"], data["message"] and data["exception"] (a class
    // name).
    assertThat(error.get("data").get("exception").asString())
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(error.get("data").get("message").asString()).isEqualTo(job.get("reason").asString());
    assertThat(error.get("data").get("traceback").asString()).contains("at Probe.main");
  }

  @Test
  void an_out_of_memory_error_ends_the_process_and_fails_the_job_saying_so() {
    GatewayHarness.Answer run =
        gw.post(
            "/api/v1/programs/run/",
            user,
            Map.of(
                "title",
                "probe",
                "arguments",
                "{\"mode\": \"oom\"}",
                "config",
                Map.of("mem", "64m")));
    String id = run.json().get("id").asString();
    JsonNode job = gw.awaitStatus(user, id, "SUCCEEDED", "FAILED");
    assertThat(job.get("status").asString()).isEqualTo("FAILED");
    assertThat(job.get("reason").asString())
        .contains("ran out of memory")
        .contains("OutOfMemoryError");
  }

  @Test
  void a_job_over_its_timeout_is_stopped_with_the_timeout_as_reason() {
    GatewayHarness.Answer run =
        gw.post(
            "/api/v1/programs/run/",
            user,
            Map.of(
                "title",
                "probe",
                "arguments",
                "{\"mode\": \"sleep\", \"ms\": 60000}",
                "config",
                Map.of("timeout", 1)));
    String id = run.json().get("id").asString();
    JsonNode job = gw.awaitStatus(user, id, "STOPPED", "FAILED", "SUCCEEDED");
    assertThat(job.get("status").asString()).isEqualTo("STOPPED");
    assertThat(job.get("reason").asString()).contains("longer than its timeout of 1 s");
  }

  @Test
  void a_shell_script_following_the_env_contract_runs_and_its_result_is_kept() {
    byte[] script =
        "#!/bin/sh\necho \"args: $(cat \"$ARGUMENTS_PATH\")\"\nprintf '{\"shell\": true}' > \"$RESULTS_PATH\"\n"
            .getBytes();
    assertThat(
            gw.upload(user, "shell", "run.sh", GatewayHarness.tar(Map.of("run.sh", script)))
                .status())
        .isEqualTo(200);
    String id = gw.run(user, "shell", "{\"k\": 1}");
    assertThat(gw.awaitStatus(user, id, "SUCCEEDED", "FAILED").get("status").asString())
        .isEqualTo("SUCCEEDED");
    assertThat(gw.get("/api/v1/jobs/" + id + "/result/", user).json().get("result").asString())
        .isEqualTo("{\"shell\": true}");
    assertThat(gw.get("/api/v1/jobs/" + id + "/logs/", user).json().get("logs").asString())
        .contains("args: {\"k\": 1}");
  }

  @Test
  void a_result_posted_by_the_job_is_kept_and_a_later_post_wins_over_the_results_file() {
    String post =
        "curl -s -X POST -H \"Authorization: Bearer $ENV_JOB_GATEWAY_TOKEN\" "
            + "-H 'Content-Type: application/json' -d '{\"result\": \"{\\\"posted\\\": 1}\"}' "
            + "\"$ENV_JOB_GATEWAY_HOST/api/v1/jobs/$ENV_JOB_ID_GATEWAY/result/\"\n";
    assertThat(resultOf("post-only", post)).isEqualTo("{\"posted\": 1}");
    assertThat(resultOf("file-then-post", "echo '{\"file\": 1}' > \"$RESULTS_PATH\"\n" + post))
        .isEqualTo("{\"posted\": 1}");
    assertThat(resultOf("post-then-file", post + "echo '{\"file\": 2}' > \"$RESULTS_PATH\"\n"))
        .isEqualTo("{\"file\": 2}\n");
  }

  /** Runs a one-script function to success and answers its result. */
  private String resultOf(String title, String script) {
    byte[] run = ("#!/bin/sh\n" + script).getBytes();
    assertThat(gw.upload(user, title, "run.sh", GatewayHarness.tar(Map.of("run.sh", run))).status())
        .isEqualTo(200);
    String id = gw.run(user, title, "{}");
    assertThat(gw.awaitStatus(user, id, "SUCCEEDED", "FAILED").get("status").asString())
        .isEqualTo("SUCCEEDED");
    return gw.get("/api/v1/jobs/" + id + "/result/", user).json().get("result").asString();
  }
}
