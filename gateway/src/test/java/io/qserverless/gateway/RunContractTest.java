package io.qserverless.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input to run and upload answers the status API.md names, with a message that says what to
 * fix.
 */
class RunContractTest {
  static GatewayHarness gw;
  static String user;

  @BeforeAll
  static void upload() {
    gw = GatewayHarness.shared();
    user = gw.newUserWithProbe();
  }

  @Test
  void an_unknown_top_level_field_of_a_run_is_refused_like_an_unknown_config_field() {
    GatewayHarness.Answer a =
        gw.post("/api/v1/programs/run/", user, Map.of("title", "probe", "argumnets", "{}"));
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.message())
        .isEqualTo(
            "Unknown field 'argumnets' in the run request; known fields are "
                + "[arguments, compute_profile, config, provider, title].");
  }

  @Test
  void
      the_python_clients_null_provider_and_compute_profile_are_accepted_and_a_provider_is_refused() {
    Map<String, Object> run = new LinkedHashMap<>(Map.of("title", "probe", "arguments", "{}"));
    run.put("provider", null);
    run.put("compute_profile", null);
    assertThat(gw.send("POST", "/api/v1/programs/run/", user, GatewayHarness.json(run)).status())
        .isEqualTo(200);
    run.put("provider", "ibm");
    GatewayHarness.Answer a =
        gw.send("POST", "/api/v1/programs/run/", user, GatewayHarness.json(run));
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.message())
        .startsWith("Field 'provider' is not supported by this gateway, got 'ibm'");
  }

  @Test
  void an_empty_body_or_a_run_without_title_is_400_not_a_missing_function() {
    for (String body : new String[] {null, "{}", "{\"arguments\": \"{}\"}", "{\"title\": \" \"}"}) {
      GatewayHarness.Answer a = gw.send("POST", "/api/v1/programs/run/", user, body);
      assertThat(a.status()).as("body %s", body).isEqualTo(400);
      assertThat(a.message()).as("body %s", body).startsWith("The run request needs 'title'");
    }
  }

  @Test
  void cpu_and_timeout_below_their_minimum_are_refused() {
    GatewayHarness.Answer cpu =
        gw.post(
            "/api/v1/programs/run/", user, Map.of("title", "probe", "config", Map.of("cpu", 1e-9)));
    assertThat(cpu.status()).isEqualTo(400);
    assertThat(cpu.message()).startsWith("Config field 'cpu' must be between 0.01 and this node's");
    GatewayHarness.Answer timeout =
        gw.post(
            "/api/v1/programs/run/",
            user,
            Map.of("title", "probe", "config", Map.of("timeout", 0.001)));
    assertThat(timeout.status()).isEqualTo(400);
    assertThat(timeout.message()).startsWith("Config field 'timeout' must be seconds in [1, ");
  }

  @Test
  void headers_or_a_uri_too_large_answer_431_and_414_with_the_json_error_body() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> headers =
        http.send(
            HttpRequest.newBuilder(URI.create(gw.url() + "/api/v1/jobs/"))
                .header("X-Big", "x".repeat(64 * 1024))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(headers.statusCode()).isEqualTo(431);
    assertThat(headers.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(headers.body())
        .isEqualTo(
            "{\"message\":\"The request's headers are larger than the gateway accepts; "
                + "send fewer or shorter headers.\"}");
    HttpResponse<String> uri =
        http.send(
            HttpRequest.newBuilder(URI.create(gw.url() + "/api/v1/jobs/" + "x".repeat(64 * 1024)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(uri.statusCode()).isEqualTo(414);
    assertThat(uri.body())
        .contains("\"message\":\"The request's URI is longer than the gateway accepts");
  }

  @Test
  void a_missing_java_entrypoint_is_named_as_a_file_not_a_main_class() {
    GatewayHarness.Answer a =
        gw.upload(
            user,
            "nope",
            "Nope.java",
            GatewayHarness.tar(Map.of("Main.java", "class Main {}".getBytes())));
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.message())
        .isEqualTo(
            "The entrypoint file 'Nope.java' is not in the uploaded directory; "
                + "give a path relative to it (e.g. Main.java).");
  }

  @Test
  void a_truncated_gzip_upload_says_it_is_truncated() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(
          GatewayHarness.tar(Map.of("run.sh", "#!/bin/sh\necho hi\n".repeat(200).getBytes())));
    }
    byte[] cut = Arrays.copyOf(gz.toByteArray(), gz.size() / 2);
    GatewayHarness.Answer a = gw.upload(user, "cut", "run.sh", cut);
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.message())
        .contains("the upload or its gzip stream is truncated")
        .doesNotContain("null");
  }
}
