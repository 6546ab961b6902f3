package io.qserverless.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The owner's disable / enable of a function (an addition to API v1): runs of a disabled function
 * answer 423.
 */
class FunctionDisableTest {
  static GatewayHarness gw;
  static String owner;

  @BeforeAll
  static void start() {
    gw = GatewayHarness.shared();
    owner = gw.newUserWithProbe();
  }

  @Test
  void a_disabled_function_answers_423_with_how_to_enable_it_until_its_owner_enables_it() {
    GatewayHarness.Answer disabled = gw.post("/api/v1/programs/probe/disable/", owner, null);
    assertThat(disabled.status()).isEqualTo(200);
    assertThat(disabled.json().get("title").asString()).isEqualTo("probe");
    assertThat(disabled.json().get("disabled").asBoolean()).isTrue();
    assertThat(
            gw.get("/api/v1/programs/get_by_title/probe/", owner)
                .json()
                .get("disabled")
                .asBoolean())
        .isTrue();

    GatewayHarness.Answer refused =
        gw.post("/api/v1/programs/run/", owner, Map.of("title", "probe"));
    assertThat(refused.status()).isEqualTo(423);
    assertThat(refused.message())
        .contains("'probe' is disabled")
        .contains("POST /api/v1/programs/probe/enable/");

    GatewayHarness.Answer enabled = gw.post("/api/v1/programs/probe/enable/", owner, null);
    assertThat(enabled.status()).isEqualTo(200);
    assertThat(enabled.json().get("disabled").asBoolean()).isFalse();
    String id = gw.run(owner, "probe", "{}");
    assertThat(gw.awaitStatus(owner, id, "SUCCEEDED", "FAILED").get("status").asString())
        .isEqualTo("SUCCEEDED");
  }

  @Test
  void another_users_function_or_a_missing_one_answers_404_and_stays_enabled() {
    String other = gw.newUser();
    GatewayHarness.Answer foreign = gw.post("/api/v1/programs/probe/disable/", other, null);
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(foreign.message()).contains("No function titled 'probe'");
    assertThat(gw.post("/api/v1/programs/missing/enable/", owner, null).status()).isEqualTo(404);
    assertThat(
            gw.get("/api/v1/programs/get_by_title/probe/", owner)
                .json()
                .get("disabled")
                .asBoolean())
        .isFalse();
  }

  @Test
  void the_disable_and_enable_routes_are_listed_in_openapi() {
    var paths = gw.get("/openapi.json", null).json().get("paths");
    assertThat(paths.has("/api/v1/programs/{title}/disable/")).isTrue();
    assertThat(paths.get("/api/v1/programs/{title}/enable/").has("post")).isTrue();
  }
}
