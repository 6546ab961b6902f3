package io.qserverless.gateway;

import static io.qserverless.gateway.PythonRequests.dict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.qserverless.protocol.internal.Base64Zlib;
import io.qserverless.protocol.qpy.Qpy;
import io.qserverless.protocol.value.Values;
import io.qserverless.quantum.circuit.QuantumCircuit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every call of qiskit_serverless 0.35's ServerlessClient, QiskitFunction and Job, and the in-job
 * calls of its job module, sent as the real client sends them (see {@link PythonRequests}) to a
 * real gateway, and each answer read the way the client reads it. A QPY circuit written by Qiskit
 * 2.3.0 travels into a job and back.
 */
class PythonClientWireTest {
  /**
   * h(0), cx(0, 1), cx(1, 2) as Qiskit 2.3.0 wrote it (QPY 14; see RealPayloadsTest for its
   * source).
   */
  static final String GHZ_QPY_14 =
      "eJwL9Az29gzhY2JmgALGgkIGrjQGDgYGBrgYAwMDE0gKygaLJ2cWJZdmluiamMKUVNcWMoJlGRkLGVABI5IpEMCKJo"
          + "MOPNwTS1IhxrBhaEYxl9E5Aq62ECxGvAawQ0HK/iMBmGIATsYdAA==";

  /**
   * np.array([3]) as float64, as the client's encoder wrote it (Qiskit/ibm-quantum-schemas
   * test_models.py).
   */
  static final String ARRAY_3 =
      "eJyb7BfqGxDJyFDGUK2eklqcXKRupaBuk2ahrqOgnpZfVFKUmBefX5SSChJ3S8wpTgWKF2ckFqQC+RqGOpo6CrUKFAAu"
          + "BjDgcAAALzUbpA==";

  static GatewayHarness gw;
  static PythonRequests client;

  @BeforeAll
  static void start() {
    gw = GatewayHarness.shared();
    client = new PythonRequests(gw.url(), gw.newUser(), "ibm_quantum_platform", "any");
  }

  private static byte[] jobSource() {
    try (var in = PythonClientWireTest.class.getResourceAsStream("/programs/PythonStyleJob.java")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code client.upload(QiskitFunction(title, entrypoint=..., working_dir=...))}:
   * _upload_with_artifact's form.
   */
  private static PythonRequests.Response upload(PythonRequests as, String title, String schema) {
    Map<String, Object> data =
        dict(
            "title",
            title,
            "provider",
            null,
            "entrypoint",
            "PythonStyleJob.java",
            "runner",
            "ray",
            "arguments",
            "{}",
            "dependencies",
            "[]",
            "env_vars",
            "{}",
            "description",
            null,
            "version",
            null);
    if (schema != null) {
      data.put("arguments_schema", schema);
    }
    return as.multipart(
        "/api/v1/programs/upload/",
        Map.of(),
        data,
        "artifact",
        "artifact.tar",
        GatewayHarness.tar(Map.of("PythonStyleJob.java", jobSource())));
  }

  /**
   * {@code client.run(title, arguments)}: the json body of ServerlessClient.run with the default
   * Configuration.
   */
  private static String run(String title, String arguments) {
    PythonRequests.Response r =
        client.postJson(
            "/api/v1/programs/run/",
            dict(
                "title",
                title,
                "provider",
                null,
                "compute_profile",
                null,
                "arguments",
                arguments,
                "config",
                dict(
                    "workers",
                    null,
                    "min_workers",
                    null,
                    "max_workers",
                    null,
                    "auto_scaling",
                    false)));
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r.json().get("id").asString();
  }

  /** {@code job.status()}: GET the job with with_result=false until it is terminal. */
  private static String awaitTerminal(String id) {
    String[] status = new String[1];
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              JsonNode job =
                  client.get("/api/v1/jobs/" + id + "/", dict("with_result", "false")).json();
              status[0] = job.get("status").asString();
              return List.of("SUCCEEDED", "FAILED", "STOPPED").contains(status[0]);
            });
    return status[0];
  }

  @Test
  void functions_are_uploaded_listed_fetched_and_their_arguments_validated_as_the_client_does() {
    assertThat(client.get("/api/v1/programs/", Map.of()).status())
        .isEqualTo(200); // _verify_credentials
    String schema =
        "{\"type\": \"object\", \"properties\": {\"n\": {\"type\": \"integer\"}}, \"required\": [\"n\"]}";
    PythonRequests.Response up = upload(client, "py-validated", schema);
    assertThat(up.status()).as(up.text()).isEqualTo(200);
    assertThat(up.json().get("title").asString()).isEqualTo("py-validated");

    JsonNode listed =
        client.get("/api/v1/programs", Map.of()).json(); // functions(): no trailing slash
    assertThat(listed.valueStream().map(f -> f.get("title").asString())).contains("py-validated");
    JsonNode one =
        client.get("/api/v1/programs/get_by_title/py-validated", dict("provider", null)).json();
    assertThat(one.get("entrypoint").asString()).isEqualTo("PythonStyleJob.java");
    assertThat(Values.fromJson(one.get("arguments_schema").asString()))
        .isEqualTo(Values.fromJson(schema));

    PythonRequests.Response ok =
        client.postJson(
            "/api/v1/programs/validate_arguments/",
            dict("title", "py-validated", "arguments", "{\"n\": 3}", "provider", null));
    assertThat(ok.json().toString()).isEqualTo("{\"valid\":true}");
    PythonRequests.Response bad =
        client.postJson(
            "/api/v1/programs/validate_arguments/",
            dict("title", "py-validated", "arguments", "{\"n\": \"three\"}", "provider", null));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("message").asString()).contains("integer");
    assertThat(bad.json().get("path").toString()).isEqualTo("[\"n\"]");
    PythonRequests.Response badRun =
        client.postJson(
            "/api/v1/programs/run/",
            dict(
                "title",
                "py-validated",
                "provider",
                null,
                "compute_profile",
                null,
                "arguments",
                "{}",
                "config",
                dict("workers", null, "auto_scaling", false)));
    assertThat(badRun.status()).isEqualTo(400);
    assertThat(badRun.json().get("message").asString()).contains("n");

    // a re-upload without the field keeps the schema; arguments_schema={} removes it (as the
    // original)
    assertThat(upload(client, "py-validated", null).status()).isEqualTo(200);
    assertThat(
            client
                .postJson(
                    "/api/v1/programs/validate_arguments/",
                    dict("title", "py-validated", "arguments", "{}", "provider", null))
                .status())
        .isEqualTo(400);
    assertThat(upload(client, "py-validated", "{}").status()).isEqualTo(200);
    assertThat(
            client
                .postJson(
                    "/api/v1/programs/validate_arguments/",
                    dict("title", "py-validated", "arguments", "{}", "provider", null))
                .json()
                .toString())
        .isEqualTo("{\"valid\":true}");
    PythonRequests.Response broken =
        upload(client, "py-validated", "{\"$ref\": \"https://example.org/s.json\"}");
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.json().get("message").asString()).startsWith("arguments_schema");
  }

  @Test
  void
      a_qpy_circuit_goes_into_a_job_and_comes_back_readable_with_runtime_jobs_sub_status_and_events() {
    assertThat(upload(client, "py-circuits", null).status()).isEqualTo(200);
    String arguments =
        "{\"circuit\": {\"__type__\": \"QuantumCircuit\", \"__value__\": \""
            + GHZ_QPY_14
            + "\"}, "
            + "\"values\": {\"__type__\": \"ndarray\", \"__value__\": \""
            + ARRAY_3
            + "\"}}";
    String id = run("py-circuits", arguments);
    assertThat(awaitTerminal(id)).isEqualTo("SUCCEEDED");

    // result(): json.loads(response.json()["result"]) with the client's decoder
    JsonNode answer = client.get("/api/v1/jobs/" + id + "/result/", Map.of()).json();
    Map<?, ?> result = (Map<?, ?>) Values.fromJson(answer.get("result").asString());
    QuantumCircuit sent = Qpy.load(Base64Zlib.decode(GHZ_QPY_14, "test")).get(0);
    assertThat(result.get("circuit")).isEqualTo(sent);
    assertThat(result.get("num_qubits")).isEqualTo(3L);
    assertThat(result.get("values")).isEqualTo(List.of(3.0));
    String back =
        io.qserverless.protocol.Json.MAPPER
            .readTree(answer.get("result").asString())
            .get("circuit")
            .get("__value__")
            .asString();
    assertThat(Qpy.version(Base64Zlib.decode(back, "result")))
        .as("written in the version the client sent")
        .isEqualTo(14);

    // runtime_jobs() and runtime_sessions(), as the client derives them from one GET
    JsonNode runtime =
        client.get("/api/v1/jobs/" + id + "/runtime_jobs/", Map.of()).json().get("runtime_jobs");
    List<String> jobs = new ArrayList<>();
    runtime.forEach(j -> jobs.add(j.get("runtime_job").asString()));
    assertThat(jobs).containsExactly("d1abc", "d2def");
    assertThat(runtime.get(0).get("runtime_session").asString()).isEqualTo("s-7");
    assertThat(runtime.get(1).get("runtime_session").isNull()).isTrue();

    // events(): JobEvent.from_json needs event_type, origin, context, created, data
    JsonNode events = client.get("/api/v1/jobs/" + id + "/events/", Map.of()).json();
    assertThat(events.valueStream().map(e -> e.get("event_type").asString()))
        .contains("STATUS_CHANGE", "SUB_STATUS_CHANGE");
    events.forEach(
        e ->
            assertThat(
                    e.has("origin")
                        && e.has("context")
                        && e.has("created")
                        && e.get("data").isObject())
                .isTrue());
    PythonRequests.Response bogus =
        client.get("/api/v1/jobs/" + id + "/events/", dict("type", "NotValidJobEventType"));
    assertThat(bogus.status()).isEqualTo(400);
    assertThat(bogus.json().get("message").asString())
        .contains("NotValidJobEventType")
        .contains("STATUS_CHANGE");

    // logs(), jobs(function=...), jobs(status="DONE"), stop() of a finished job
    assertThat(client.get("/api/v1/jobs/" + id + "/logs/", Map.of()).status()).isIn(200, 204);
    JsonNode mine =
        client
            .get(
                "/api/v1/jobs/",
                dict(
                    "limit",
                    10,
                    "offset",
                    0,
                    "status",
                    null,
                    "created_after",
                    null,
                    "function",
                    "py-circuits",
                    "provider",
                    null))
            .json();
    assertThat(mine.get("results").valueStream().map(j -> j.get("id").asString())).contains(id);
    JsonNode done =
        client.get("/api/v1/jobs/", dict("limit", 10, "offset", 0, "status", "SUCCEEDED")).json();
    assertThat(done.get("results").valueStream().map(j -> j.get("status").asString()))
        .containsOnly("SUCCEEDED");
    PythonRequests.Response stop =
        client.postJson("/api/v1/jobs/" + id + "/stop/", dict("service", "null"));
    assertThat(stop.status()).isEqualTo(200);
    assertThat(stop.json().get("message").asString()).isNotBlank();
  }

  @Test
  void a_failed_job_gives_the_client_error_events_it_can_format() {
    assertThat(upload(client, "py-failing", null).status()).isEqualTo(200);
    String id = run("py-failing", "{\"mode\": \"fail\"}");
    assertThat(awaitTerminal(id)).isEqualTo("FAILED");

    // error_message(): format_err_event reads data["message"], data["code"], data["exception"] of
    // each ERROR event
    JsonNode errors = client.get("/api/v1/jobs/" + id + "/events/", dict("type", "ERROR")).json();
    assertThat(errors.size()).isPositive();
    for (JsonNode e : errors) {
      assertThat(e.get("event_type").asString()).isEqualTo("ERROR");
      JsonNode data = e.get("data");
      assertThat(data.has("message") && data.has("code") && data.has("exception"))
          .as(data.toString())
          .isTrue();
      assertThat(data.get("code").isString()).isTrue();
    }
    assertThat(errors.valueStream().map(e -> e.get("data").get("code").asString())).contains("E42");
    JsonNode sent =
        errors
            .valueStream()
            .filter(e -> e.get("data").get("code").asString().equals("E42"))
            .findFirst()
            .orElseThrow();
    assertThat(sent.get("data").get("exception").asString()).isEqualTo("ValueError");
    assertThat(sent.get("data").get("args").toString()).isEqualTo("{\"field\":[\"theta\"]}");
  }

  @Test
  void a_java_programs_send_error_is_an_event_the_client_formats_with_the_exception_class()
      throws Exception {
    byte[] source;
    try (var in = PythonClientWireTest.class.getResourceAsStream("/programs/SendErrorJob.java")) {
      source = in.readAllBytes();
    }
    PythonRequests.Response up =
        client.multipart(
            "/api/v1/programs/upload/",
            Map.of(),
            dict(
                "title",
                "java-send-error",
                "entrypoint",
                "SendErrorJob.java",
                "arguments",
                "{}",
                "dependencies",
                "[]",
                "env_vars",
                "{}"),
            "artifact",
            "artifact.tar",
            GatewayHarness.tar(Map.of("SendErrorJob.java", source)));
    assertThat(up.status()).as(up.text()).isEqualTo(200);
    String id = run("java-send-error", "{}");
    assertThat(awaitTerminal(id)).isEqualTo("SUCCEEDED");

    JsonNode data =
        client
            .get("/api/v1/jobs/" + id + "/events/", dict("type", "ERROR"))
            .json()
            .get(0)
            .get("data");
    assertThat(data.get("message").asString()).isEqualTo("theta is out of range");
    assertThat(data.get("code").isString()).isTrue();
    assertThat(data.get("exception").asString()).isEqualTo("java.lang.IllegalArgumentException");
    assertThat(data.get("traceback").asString())
        .contains("theta = 7")
        .contains("SendErrorJob.main");
  }

  @Test
  void files_travel_with_the_clients_params_and_are_shared_by_the_users_functions() {
    assertThat(upload(client, "py-files", null).status()).isEqualTo(200);
    byte[] tar = GatewayHarness.tar(Map.of("a.txt", "alpha".getBytes()));
    Map<String, Object> params = dict("provider", null, "function", "py-files");
    PythonRequests.Response up =
        client.multipart("/api/v1/files/upload/", params, Map.of(), "file", "data.tar", tar);
    assertThat(up.status()).as(up.text()).isEqualTo(200);

    assertThat(
            client
                .get("/api/v1/files", dict("function", "py-files", "provider", null))
                .json()
                .get("results")
                .toString())
        .contains("data.tar");
    PythonRequests.Response down =
        client.get(
            "/api/v1/files/download",
            dict("file", "data.tar", "provider", null, "function", "py-files"));
    assertThat(down.body()).isEqualTo(tar);
    assertThat(down.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/x-tar");
    PythonRequests.Response del =
        client.delete(
            "/api/v1/files/delete",
            dict("file", "data.tar", "provider", null, "function", "py-files"),
            Map.of("format", "json"));
    assertThat(del.json().get("message").asString()).isEqualTo("Requested file was deleted.");
  }

  @Test
  void the_first_seeds_provider_logs_in_with_a_form_and_reads_access() {
    String name = "seed" + Long.toHexString(System.nanoTime());
    assertThat(
            gw.post(
                    "/api/v1/users/",
                    gw.token(),
                    Map.of("username", name, "password", "secret-pass-1"))
                .status())
        .isEqualTo(200);
    PythonRequests anonymous = new PythonRequests(gw.url(), "", null, null);
    PythonRequests.Response login =
        anonymous.form(
            "POST",
            "/dj-rest-auth/keycloak/login/",
            dict("username", name, "password", "secret-pass-1"));
    assertThat(login.status()).as(login.text()).isEqualTo(200);
    String token = login.json().get("access").asString();
    assertThat(
            new PythonRequests(gw.url(), token, null, null)
                .get("/api/v1/programs/", Map.of())
                .status())
        .isEqualTo(200);

    PythonRequests.Response form =
        anonymous.form(
            "POST", "/api/v1/auth/login", dict("username", name, "password", "secret-pass-1"));
    assertThat(form.json().get("token").asString()).isNotBlank();
    PythonRequests.Response wrong =
        anonymous.form(
            "POST", "/dj-rest-auth/keycloak/login/", dict("username", name, "password", "nope"));
    assertThat(wrong.status()).isEqualTo(401);
  }

  @Test
  void dependencies_versions_answers_the_list_the_client_reads() {
    // dependencies_versions() sends get_headers(token, instance) without a channel and expects a
    // list
    PythonRequests r = new PythonRequests(gw.url(), gw.newUser(), null, "any");
    PythonRequests.Response versions = r.get("/api/v1/dependencies-versions/", Map.of());
    assertThat(versions.status()).isEqualTo(200);
    assertThat(versions.json().isArray()).isTrue();
  }

  @Test
  void every_channel_the_client_offers_authenticates_by_its_token() {
    String token = gw.newUser();
    for (String[] c :
        new String[][] {
          {"local", null}, {"ibm_quantum_platform", "any"}, {"ibm_cloud", "crn:v1:any"}
        }) {
      assertThat(
              new PythonRequests(gw.url(), token, c[0], c[1])
                  .get("/api/v1/programs/", Map.of())
                  .status())
          .as(c[0])
          .isEqualTo(200);
    }
  }

  @Test
  void provider_functions_which_this_gateway_does_not_have_are_refused_with_a_message() {
    PythonRequests.Response run =
        client.postJson(
            "/api/v1/programs/run/",
            dict(
                "title",
                "x",
                "provider",
                "ibm",
                "compute_profile",
                null,
                "arguments",
                "{}",
                "config",
                dict()));
    assertThat(run.status()).isEqualTo(400);
    assertThat(run.json().get("message").asString()).contains("provider");
    PythonRequests.Response files =
        client.get("/api/v1/files/provider", dict("function", "x", "provider", "ibm"));
    assertThat(files.status()).isIn(400, 404);
    assertThat(files.json().get("message").asString()).isNotBlank();
    // _upload_with_docker_image: form data with image, no artifact
    PythonRequests.Response image =
        client.form(
            "POST",
            "/api/v1/programs/upload/",
            dict(
                "title",
                "img",
                "provider",
                null,
                "image",
                "icr.io/x/y:1",
                "runner",
                "ray",
                "arguments",
                "{}",
                "dependencies",
                "[]",
                "env_vars",
                "{}"));
    assertThat(image.status()).isEqualTo(400);
    assertThat(image.json().get("message").asString()).contains("image");
    // provider_jobs() and provider_logs(): no such job or endpoint, with a message
    assertThat(client.get("/api/v1/jobs/provider/", dict("limit", 10, "offset", 0)).status())
        .isEqualTo(404);
    assertThat(
            client
                .get("/api/v1/jobs/" + java.util.UUID.randomUUID() + "/provider-logs/", Map.of())
                .json()
                .get("message")
                .asString())
        .isNotBlank();
  }
}
