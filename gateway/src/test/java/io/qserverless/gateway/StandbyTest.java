package io.qserverless.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.qserverless.gateway.runner.JobDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Standby JVMs: after a job of a function starts, the gateway boots the next one's sandbox and JVM
 * ahead, held; the next run of that function by that user with that allotment takes it. Told apart
 * from outside by the job's own JVM start time (RuntimeMXBean), which for a standby lies before the
 * run request was sent. Whatever the job took, it must see exactly its own job: its id, token,
 * arguments and files, and its function's current code.
 */
class StandbyTest {
  private static final String PROGRAM =
"""
      import java.net.URI;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;
      import java.io.IOException;
import java.nio.file.Files;
      import java.nio.file.Path;

      public class Booted {
        public static void main(String[] args) throws Exception {
          long jvm = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
          String id = System.getenv("ENV_JOB_ID_GATEWAY");
          HttpRequest own =
              HttpRequest.newBuilder(URI.create(System.getenv("ENV_JOB_GATEWAY_HOST") + "/api/v1/jobs/" + id + "/"))
                  .header("Authorization", "Bearer " + System.getenv("ENV_JOB_GATEWAY_TOKEN"))
                  .build();
          int tokenWorks = HttpClient.newHttpClient().send(own, HttpResponse.BodyHandlers.ofString()).statusCode();
          String arguments = Files.readString(Path.of(System.getenv("ARGUMENTS_PATH")));
          String files = String.join(",", new java.io.File(System.getenv("DATA_PATH")).list());
          Files.writeString(Path.of(System.getenv("RESULTS_PATH")),
              "{\\"jvm\\": " + jvm + ", \\"id\\": \\"" + id + "\\", \\"token\\": " + tokenWorks
                  + ", \\"version\\": \\"VERSION\\", \\"property\\": \\"" + System.getProperty("qs.test") + "\\""
                  + ", \\"files\\": \\"" + files + "\\", \\"arguments\\": " + arguments + "}");
        }
      }
      """;
  private static final String SLEEP =
      "public class Booted { public static void main(String[] a) throws Exception {"
          + " Thread.sleep(60_000); } }";

  @Test
  void a_second_run_starts_on_a_jvm_booted_before_it_was_asked_for_and_sees_only_its_own_job()
      throws Exception {
    try (GatewayHarness gw = GatewayHarness.start(b -> {})) {
      String user = gw.newUser();
      upload(gw, user, "booted", program("v1"), Map.of());
      JsonNode cold = runToEnd(gw, user, "booted", "{\"n\": 1}");
      assertThat(cold.get("jvm").asLong()).isGreaterThanOrEqualTo(cold.get("sent").asLong());

      awaitStandby(gw);
      JsonNode warm = runToEnd(gw, user, "booted", "{\"n\": 2}");
      assertThat(warm.get("jvm").asLong()).isLessThan(warm.get("sent").asLong());
      assertThat(warm.get("id").asString()).isEqualTo(warm.get("job").asString());
      assertThat(warm.get("token").asInt()).isEqualTo(200);
      assertThat(warm.get("arguments").get("n").asInt()).isEqualTo(2);
      assertThat(warm.get("version").asString()).isEqualTo("v1");

      // Another user's run of the same code never gets this user's standby, nor its files.
      String other = gw.newUser();
      assertThat(
              gw.multipart(
                      "/api/v1/files/upload/",
                      user,
                      Map.of(
                          "file",
                          new GatewayHarness.FilePart(
                              "mine.tar", GatewayHarness.tar(Map.of("a", new byte[] {1})))))
                  .status())
          .isEqualTo(200);
      upload(gw, other, "booted", program("v1"), Map.of());
      JsonNode theirs = runToEnd(gw, other, "booted", "{\"n\": 3}");
      assertThat(theirs.get("jvm").asLong()).isGreaterThanOrEqualTo(theirs.get("sent").asLong());
      assertThat(theirs.get("files").asString()).doesNotContain("mine.tar");
      awaitStandby(gw);
      JsonNode mine = runToEnd(gw, user, "booted", "{\"n\": 4}");
      assertThat(mine.get("jvm").asLong()).isLessThan(mine.get("sent").asLong());
      assertThat(mine.get("files").asString()).contains("mine.tar");
    }
  }

  @Test
  void a_function_uploaded_again_runs_its_new_code_not_the_standby_made_for_the_old() {
    try (GatewayHarness gw = GatewayHarness.start(b -> {})) {
      String user = gw.newUser();
      upload(gw, user, "booted", program("v1"), Map.of());
      runToEnd(gw, user, "booted", "{}");
      upload(gw, user, "booted", program("v2"), Map.of());
      JsonNode second = runToEnd(gw, user, "booted", "{}");
      assertThat(second.get("version").asString()).isEqualTo("v2");
      assertThat(second.get("jvm").asLong()).isGreaterThanOrEqualTo(second.get("sent").asLong());
      awaitStandby(gw);
      JsonNode third = runToEnd(gw, user, "booted", "{}"); // on the standby made for v2
      assertThat(third.get("version").asString()).isEqualTo("v2");
      assertThat(third.get("jvm").asLong()).isLessThan(third.get("sent").asLong());
    }
  }

  @Test
  void jvm_options_in_env_vars_make_the_jvm_boot_only_after_the_release_and_take_effect() {
    try (GatewayHarness gw = GatewayHarness.start(b -> {})) {
      String user = gw.newUser();
      upload(gw, user, "booted", program("v1"), Map.of("JAVA_TOOL_OPTIONS", "-Dqs.test=set"));
      for (int i = 0; i < 2; i++) {
        JsonNode run = runToEnd(gw, user, "booted", "{}");
        assertThat(run.get("property").asString()).isEqualTo("set");
        assertThat(run.get("jvm").asLong()).isGreaterThanOrEqualTo(run.get("sent").asLong());
      }
    }
  }

  @Test
  void without_standby_jvms_every_run_boots_its_jvm_after_it_was_asked_for() {
    try (GatewayHarness gw = GatewayHarness.start(b -> b.standbyJvms(0))) {
      String user = gw.newUser();
      upload(gw, user, "booted", program("v1"), Map.of());
      for (int i = 0; i < 2; i++) {
        JsonNode run = runToEnd(gw, user, "booted", "{}");
        assertThat(run.get("jvm").asLong()).isGreaterThanOrEqualTo(run.get("sent").asLong());
      }
    }
  }

  @Test
  void a_queued_job_stopped_before_it_started_ends_the_standby_it_took() {
    try (GatewayHarness gw = GatewayHarness.start(b -> b.maxRunningJobs(1))) {
      String user = gw.newUser();
      upload(gw, user, "sleeper", SLEEP, Map.of());
      String first = gw.run(user, "sleeper", "{}");
      gw.awaitStatus(user, first, "RUNNING");
      Path jobs = gw.dataDir.resolve("jobs");
      awaitStandby(gw);
      String queued = gw.run(user, "sleeper", "{}"); // the user's one running slot is taken
      assertThat(JobDirectory.of(jobs, queued).dir().resolve("standby")).exists();

      assertThat(gw.post("/api/v1/jobs/" + queued + "/stop/", user, null).status()).isEqualTo(200);
      assertThat(gw.awaitStatus(user, queued, "STOPPED").get("status").asString())
          .isEqualTo("STOPPED");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !Files.exists(JobDirectory.of(jobs, queued).dir()));
      gw.post("/api/v1/jobs/" + first + "/stop/", user, null);
      gw.awaitStatus(user, first, "STOPPED");
    }
  }

  @Test
  void a_standby_ends_with_a_gateway_killed_9_and_the_next_start_deletes_its_directory()
      throws Exception {
    Path data = Files.createTempDirectory("qs-standby");
    int port = GatewayChild.freePort();
    List<String> log = GatewayChild.newLog();
    GatewayChild first = GatewayChild.start(data, port, log);
    GatewayHarness gw = GatewayHarness.remote("http://127.0.0.1:" + port, first.token(), data);
    upload(gw, first.token(), "booted", program("v1"), Map.of());
    runToEnd(gw, first.token(), "booted", "{}");
    Path standby = awaitStandby(gw);
    String id = standby.getFileName().toString();
    assertThat(processesOf(id)).isNotEmpty();

    first.kill();
    // Its hold was a pipe from the gateway: the standby ends unstarted.
    await().atMost(Duration.ofSeconds(30)).until(() -> processesOf(id).isEmpty());
    assertThat(standby.resolve("exit-code")).doesNotExist();
    assertThat(standby).exists();
    try (GatewayChild second = GatewayChild.start(data, port, log)) {
      assertThat(standby).doesNotExist();
      JsonNode run = runToEnd(gw, first.token(), "booted", "{}");
      assertThat(run.get("version").asString()).isEqualTo("v1");
    }
  }

  /** The processes whose command line names {@code jobId} (its wrapper's holds its directory). */
  private static List<ProcessHandle> processesOf(String jobId) {
    return ProcessHandle.allProcesses()
        .filter(
            p -> {
              try {
                return Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline"))
                    .contains(jobId);
              } catch (IOException e) {
                return false; // it ended meanwhile
              }
            })
        .toList();
  }

  /**
   * Waits until a standby's process has started (its log is made just before) and answers its
   * directory.
   */
  private static Path awaitStandby(GatewayHarness gw) {
    Path jobs = gw.dataDir.resolve("jobs");
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              try (Stream<Path> dirs = Files.list(jobs)) {
                return dirs.filter(
                        d ->
                            Files.exists(d.resolve("standby"))
                                && Files.exists(d.resolve("job.log")))
                    .findFirst()
                    .orElse(null);
              }
            },
            d -> d != null);
  }

  private static String program(String version) {
    return PROGRAM.replace("VERSION", version);
  }

  private static void upload(
      GatewayHarness gw, String user, String title, String source, Map<String, String> env) {
    Map<String, Object> parts = new LinkedHashMap<>();
    parts.put("title", title);
    parts.put("entrypoint", "Booted.java");
    parts.put("env_vars", GatewayHarness.json(env));
    parts.put(
        "artifact",
        new GatewayHarness.FilePart(
            "artifact.tar",
            GatewayHarness.tar(Map.of("Booted.java", source.getBytes(StandardCharsets.UTF_8)))));
    GatewayHarness.Answer a = gw.multipart("/api/v1/programs/upload/", user, parts);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
  }

  /** The job's result, with the time the run request was sent and the job's id added. */
  private static JsonNode runToEnd(GatewayHarness gw, String user, String title, String args) {
    long sent = System.currentTimeMillis();
    String id = gw.run(user, title, args);
    JsonNode job = gw.awaitStatus(user, id, "SUCCEEDED", "FAILED", "STOPPED");
    assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
    String result = gw.get("/api/v1/jobs/" + id + "/result/", user).json().get("result").asString();
    var node = (tools.jackson.databind.node.ObjectNode) JsonMapper.shared().readTree(result);
    node.put("sent", sent);
    node.put("job", id);
    return node;
  }
}
