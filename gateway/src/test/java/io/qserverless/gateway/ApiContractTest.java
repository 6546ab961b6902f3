package io.qserverless.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Auth, access between users and jobs, bad run inputs, listing and service endpoints, per API.md.
 */
class ApiContractTest {
  static GatewayHarness gw;
  static String alice;
  static String bob;

  @BeforeAll
  static void start() {
    gw = GatewayHarness.shared();
    alice = gw.newUser();
    bob = gw.newUser();
    assertThat(gw.uploadProbe(alice, "probe").status()).isEqualTo(200);
  }

  @Test
  void calls_without_a_token_or_with_a_bad_one_answer_401_with_a_message() {
    GatewayHarness.Answer none = gw.get("/api/v1/jobs/", null);
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.message()).contains("Authorization: Bearer");
    GatewayHarness.Answer bad = gw.get("/api/v1/jobs/", "not-a-token");
    assertThat(bad.status()).isEqualTo(401);
    assertThat(bad.message()).contains("not valid");
  }

  @Test
  void login_gives_a_token_for_the_right_password_and_401_for_a_wrong_one() {
    assertThat(
            gw.post(
                    "/api/v1/auth/login/",
                    null,
                    Map.of("username", "user", "password", "wrong-password"))
                .status())
        .isEqualTo(401);
    String token =
        gw.post("/api/v1/auth/login/", null, Map.of("username", "user", "password", "password123"))
            .json()
            .get("token")
            .asString();
    JsonNode me = gw.get("/api/v1/auth/me/", token).json();
    assertThat(me.get("username").asString()).isEqualTo("user");
    assertThat(me.get("admin").asBoolean()).isTrue();
  }

  @Test
  void only_an_admin_creates_users_and_a_taken_name_answers_409() {
    assertThat(
            gw.post("/api/v1/users/", alice, Map.of("username", "x1", "password", "longenough"))
                .status())
        .isEqualTo(403);
    assertThat(
            gw.post(
                    "/api/v1/users/",
                    gw.token(),
                    Map.of("username", "dup1", "password", "longenough"))
                .status())
        .isEqualTo(200);
    GatewayHarness.Answer dup =
        gw.post("/api/v1/users/", gw.token(), Map.of("username", "dup1", "password", "longenough"));
    assertThat(dup.status()).isEqualTo(409);
    assertThat(dup.message()).contains("'dup1' already exists");
  }

  @Test
  void another_users_job_and_function_answer_404() {
    String id = gw.run(alice, "probe", "{}");
    assertThat(gw.get("/api/v1/jobs/" + id + "/", bob).status()).isEqualTo(404);
    assertThat(gw.post("/api/v1/jobs/" + id + "/stop/", bob, null).status()).isEqualTo(404);
    assertThat(gw.get("/api/v1/jobs/" + id + "/result/", bob).status()).isEqualTo(404);
    assertThat(gw.get("/api/v1/programs/get_by_title/probe/", bob).status()).isEqualTo(404);
    GatewayHarness.Answer run = gw.post("/api/v1/programs/run/", bob, Map.of("title", "probe"));
    assertThat(run.status()).isEqualTo(404);
    assertThat(run.message()).contains("No function titled 'probe'");
    gw.awaitStatus(alice, id, "SUCCEEDED");
  }

  @Test
  void a_job_token_reaches_its_own_job_and_owners_files_but_not_another_job_runs_or_functions() {
    String other = gw.run(alice, "probe", "{}");
    String id =
        gw.run(
            alice,
            "probe",
            "{\"mode\": \"token\", \"other\": \"" + other + "\", \"function\": \"probe\"}");
    gw.awaitStatus(alice, id, "SUCCEEDED");
    JsonNode codes = gw.get("/api/v1/jobs/" + id + "/result/", alice).json();
    JsonNode r =
        tools.jackson.databind.json.JsonMapper.shared().readTree(codes.get("result").asString());
    assertThat(r.get("own").asInt()).isEqualTo(200);
    assertThat(r.get("other").asInt()).isEqualTo(403);
    assertThat(r.get("run").asInt()).isEqualTo(403);
    assertThat(r.get("files").asInt()).isEqualTo(200);
    assertThat(r.get("programs").asInt()).isEqualTo(403);
  }

  @Test
  void bad_json_bodies_and_bad_run_fields_answer_400_with_what_was_wrong() {
    GatewayHarness.Answer badJson = gw.send("POST", "/api/v1/programs/run/", alice, "{\"title\": ");
    assertThat(badJson.status()).isEqualTo(400);
    assertThat(badJson.message()).contains("not valid JSON");
    GatewayHarness.Answer array = gw.send("POST", "/api/v1/programs/run/", alice, "[1, 2]");
    assertThat(array.status()).isEqualTo(400);
    assertThat(array.message()).contains("must be a JSON object, got array");
    GatewayHarness.Answer brokenMultipart =
        gw.send(
            "POST",
            "/api/v1/programs/upload/",
            alice,
            "multipart/form-data; boundary=xyz",
            "not a multipart body");
    assertThat(brokenMultipart.status()).isEqualTo(400);
    assertThat(brokenMultipart.message()).contains("malformed");
    GatewayHarness.Answer badArgs =
        gw.post("/api/v1/programs/run/", alice, Map.of("title", "probe", "arguments", "{oops"));
    assertThat(badArgs.status()).isEqualTo(400);
    assertThat(badArgs.message()).contains("arguments are not valid JSON");
    GatewayHarness.Answer badConfig =
        gw.post(
            "/api/v1/programs/run/",
            alice,
            Map.of("title", "probe", "config", Map.of("memory", 5)));
    assertThat(badConfig.status()).isEqualTo(400);
    assertThat(badConfig.message()).contains("Unknown config field 'memory'");
    GatewayHarness.Answer workers =
        gw.post(
            "/api/v1/programs/run/",
            alice,
            Map.of("title", "probe", "config", Map.of("workers", -1)));
    assertThat(workers.status()).isEqualTo(400);
    assertThat(gw.get("/api/v1/jobs/?status=DONE", alice).message())
        .contains("unknown job status 'DONE'");
    assertThat(gw.get("/api/v1/jobs/?limit=abc", alice).status()).isEqualTo(400);
    assertThat(gw.get("/api/v1/jobs/?created_after=yesterday", alice).status()).isEqualTo(400);
  }

  @Test
  void sub_status_refuses_unknown_values_and_finished_jobs() {
    String id = gw.run(alice, "probe", "{}");
    gw.awaitStatus(alice, id, "SUCCEEDED");
    GatewayHarness.Answer unknown =
        gw.send(
            "PATCH", "/api/v1/jobs/" + id + "/sub_status/", alice, "{\"sub_status\": \"DANCING\"}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.message()).contains("DANCING").contains("MAPPING");
    GatewayHarness.Answer finished =
        gw.send(
            "PATCH", "/api/v1/jobs/" + id + "/sub_status/", alice, "{\"sub_status\": \"MAPPING\"}");
    assertThat(finished.status()).isEqualTo(403);
    assertThat(finished.message()).contains("is SUCCEEDED");
  }

  @Test
  void the_job_list_is_newest_first_paged_and_filtered() {
    String user = gw.newUser();
    assertThat(gw.uploadProbe(user, "probe").status()).isEqualTo(200);
    String first = gw.run(user, "probe", "{}");
    String second = gw.run(user, "probe", "{}");
    JsonNode page = gw.get("/api/v1/jobs/?limit=1", user).json();
    assertThat(page.get("count").asInt()).isEqualTo(2);
    assertThat(page.get("results").get(0).get("id").asString()).isEqualTo(second);
    assertThat(page.get("next").asString()).contains("offset=1");
    assertThat(
            gw.get("/api/v1/jobs/?limit=1&offset=1", user)
                .json()
                .get("results")
                .get(0)
                .get("id")
                .asString())
        .isEqualTo(first);
    assertThat(gw.get("/api/v1/jobs/?function=nothing", user).json().get("count").asInt()).isZero();
    gw.awaitStatus(user, first, "SUCCEEDED");
    gw.awaitStatus(user, second, "SUCCEEDED");
    assertThat(gw.get("/api/v1/jobs/?status=SUCCEEDED", user).json().get("count").asInt())
        .isEqualTo(2);
  }

  @Test
  void service_endpoints_answer_without_a_token_and_openapi_lists_every_route() {
    // The release the build made, as the POM names it (surefire passes it in), not a constant.
    assertThat(gw.get("/version/", null).json().get("version").asString())
        .isEqualTo(System.getProperty("qs.expected.version"))
        .matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(gw.get("/liveness/", null).status()).isEqualTo(200);
    assertThat(gw.get("/readiness/", null).status()).isEqualTo(200);
    String metrics = gw.get("/metrics", null).body();
    assertThat(metrics)
        .contains("qs_jobs{status=\"QUEUED\"}")
        .contains("qs_http_requests_seconds_count");
    JsonNode paths = gw.get("/openapi.json", null).json().get("paths");
    assertThat(paths.propertyNames())
        .contains(
            "/api/v1/programs/upload/",
            "/api/v1/jobs/{id}/sub_status/",
            "/api/v1/files/download/",
            "/api/v1/auth/login/",
            "/version");
    assertThat(gw.get("/api/v1/nothing/", alice).message()).contains("No such endpoint");
  }
}
