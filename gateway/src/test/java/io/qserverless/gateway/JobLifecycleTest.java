package io.qserverless.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Upload → run → status transitions → logs while running → result, over real HTTP with real job
 * processes.
 */
class JobLifecycleTest {
  static GatewayHarness gw;
  static String user;

  @BeforeAll
  static void upload() {
    gw = GatewayHarness.shared();
    user = gw.newUserWithProbe();
  }

  @Test
  void a_run_goes_from_queued_to_succeeded_and_its_result_is_what_the_program_wrote() {
    GatewayHarness.Answer run =
        gw.post("/api/v1/programs/run/", user, Map.of("title", "probe", "arguments", "{\"n\": 3}"));
    assertThat(run.status()).isEqualTo(200);
    assertThat(run.json().get("status").asString()).isEqualTo("QUEUED");
    assertThat(run.json().get("program").get("title").asString()).isEqualTo("probe");
    String id = run.json().get("id").asString();

    gw.awaitStatus(user, id, "SUCCEEDED");

    GatewayHarness.Answer result = gw.get("/api/v1/jobs/" + id + "/result/", user);
    assertThat(result.status()).isEqualTo(200);
    assertThat(result.json().get("result").asString()).isEqualTo("{\"echo\": {\"n\": 3}}");
    List<String> statuses =
        gw.get("/api/v1/jobs/" + id + "/events/", user)
            .json()
            .valueStream()
            .filter(e -> e.get("event_type").asString().equals("STATUS_CHANGE"))
            .map(e -> e.get("data").get("status").asString())
            .toList();
    assertThat(statuses).containsExactly("QUEUED", "PENDING", "RUNNING", "SUCCEEDED");
  }

  @Test
  void logs_and_sub_status_are_readable_while_the_job_runs() {
    String id = gw.run(user, "probe", "{\"mode\": \"sleep\", \"ms\": 20000}");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "MAPPING"
                    .equals(
                        gw.get("/api/v1/jobs/" + id + "/", user)
                            .json()
                            .path("sub_status")
                            .asString(null)));
    JsonNode job = gw.get("/api/v1/jobs/" + id + "/", user).json();
    assertThat(job.get("status").asString()).isEqualTo("RUNNING");
    assertThat(gw.get("/api/v1/jobs/" + id + "/logs/", user).json().get("logs").asString())
        .contains("probe started");
    assertThat(gw.get("/api/v1/jobs/" + id + "/result/", user).status()).isEqualTo(204);

    assertThat(gw.post("/api/v1/jobs/" + id + "/stop/", user, null).status()).isEqualTo(200);
    JsonNode stopped = gw.awaitStatus(user, id, "STOPPED");
    assertThat(stopped.get("sub_status").isNull()).isTrue();
  }
}
