package io.qserverless.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Stop in each state, capacity and fair share, on a gateway whose node fits one job at a time. */
class SchedulingTest {
  static GatewayHarness gw;
  static String alice;
  static String bob;

  @BeforeAll
  static void start() {
    gw = GatewayHarness.start(b -> b.node(1, 8L << 30).jobDefaults(1, 128L << 20));
    alice = gw.newUser();
    bob = gw.newUser();
    assertThat(gw.uploadProbe(alice, "probe").status()).isEqualTo(200);
    assertThat(gw.uploadProbe(bob, "probe").status()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    gw.close();
  }

  @Test
  void stop_works_in_every_state_and_a_job_waits_until_its_allotment_fits() {
    String running = gw.run(alice, "probe", "{\"mode\": \"sleep\", \"ms\": 60000}");
    gw.awaitStatus(alice, running, "RUNNING");
    String queued = gw.run(alice, "probe", "{}");
    assertThat(gw.get("/api/v1/jobs/" + queued + "/", alice).json().get("status").asString())
        .isEqualTo("QUEUED");

    GatewayHarness.Answer stopQueued = gw.post("/api/v1/jobs/" + queued + "/stop/", alice, null);
    assertThat(stopQueued.status()).isEqualTo(200);
    assertThat(gw.get("/api/v1/jobs/" + queued + "/", alice).json().get("status").asString())
        .isEqualTo("STOPPED");

    assertThat(gw.post("/api/v1/jobs/" + running + "/stop/", alice, null).message())
        .contains("is being stopped");
    JsonNode stopped = gw.awaitStatus(alice, running, "STOPPED", "FAILED", "SUCCEEDED");
    assertThat(stopped.get("status").asString()).isEqualTo("STOPPED");
    assertThat(stopped.get("reason").asString()).contains("Stopped by");

    GatewayHarness.Answer again = gw.post("/api/v1/jobs/" + running + "/stop/", alice, null);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.message()).contains("already finished as STOPPED");
  }

  @Test
  void one_users_queue_does_not_starve_another_users_single_job() {
    List<String> many = new ArrayList<>();
    // Each of Alice's jobs runs a second: Bob submits while her first one still holds the node.
    for (int i = 0; i < 4; i++) {
      many.add(gw.run(alice, "probe", "{\"mode\": \"sleep\", \"ms\": 1000}"));
    }
    String single = gw.run(bob, "probe", "{}");
    gw.awaitStatus(bob, single, "SUCCEEDED");
    for (String id : many) {
      gw.awaitStatus(alice, id, "SUCCEEDED");
    }
    Instant bobStarted = started(bob, single);
    long aliceBefore = many.stream().filter(id -> started(alice, id).isBefore(bobStarted)).count();
    // Bob's job starts as soon as Alice's first one frees the node, not after all of hers.
    assertThat(aliceBefore).isLessThanOrEqualTo(1);
  }

  private static Instant started(String token, String id) {
    return Instant.parse(
        gw.get("/api/v1/jobs/" + id + "/", token).json().get("started").asString());
  }

  @Test
  void a_run_asking_more_than_the_node_has_is_refused_with_the_capacity_in_the_message() {
    GatewayHarness.Answer a =
        gw.post(
            "/api/v1/programs/run/", alice, Map.of("title", "probe", "config", Map.of("cpu", 2)));
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.message()).contains("'cpu'").contains("1.0 cpus").contains("got 2");
  }
}
