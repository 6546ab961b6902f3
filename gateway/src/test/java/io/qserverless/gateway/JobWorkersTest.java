package io.qserverless.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.qserverless.protocol.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Jobs with {@code workers}: worker JVMs beside the driver, one private cluster per job, all ended
 * with the job.
 */
@Timeout(180)
class JobWorkersTest {
  private static final Map<String, Object> TWO_WORKERS =
      Map.of("workers", 2, "cpu", 0.25, "worker_mem", "256m");
  static GatewayHarness gw;
  static String user;

  @BeforeAll
  static void start() throws IOException {
    gw = GatewayHarness.shared();
    user = gw.newUser();
    GatewayHarness.Answer a =
        gw.upload(
            user,
            "jvm-ids",
            "JvmIds.java",
            GatewayHarness.tar(Map.of("JvmIds.java", programSource())));
    assertThat(a.status()).as(a.body()).isEqualTo(200);
  }

  private static byte[] programSource() throws IOException {
    try (InputStream in = JobWorkersTest.class.getResourceAsStream("/programs/JvmIds.java")) {
      return in.readAllBytes();
    }
  }

  @Test
  void a_job_with_two_workers_runs_its_tasks_in_two_other_jvms_and_records_them_joining() {
    String id = run("{}", TWO_WORKERS);
    JsonNode done = gw.awaitStatus(user, id, "SUCCEEDED", "FAILED");
    String logs = gw.get("/api/v1/jobs/" + id + "/logs/", user).json().get("logs").asString();
    assertThat(done.get("status").asString()).as(logs).isEqualTo("SUCCEEDED");

    JsonNode result =
        Json.MAPPER.readTree(
            gw.get("/api/v1/jobs/" + id + "/result/", user).json().get("result").asString());
    List<String> tasks = new ArrayList<>();
    result.get("tasks").forEach(t -> tasks.add(t.asString()));
    assertThat(tasks).hasSize(6);
    assertThat(tasks.stream().distinct())
        .as("tasks ran in two JVMs, neither the driver's")
        .hasSize(2)
        .doesNotContain(result.get("driver").asString());
    assertThat(logs).contains("[worker-1] task running", "[worker-2] task running");
    List<String> joined = new ArrayList<>();
    gw.get("/api/v1/jobs/" + id + "/events/", user)
        .json()
        .forEach(
            e -> {
              if (e.get("event_type").asString().equals("WORKER_JOINED")) {
                joined.add(
                    e.get("data").get("worker").asString()
                        + " cpu "
                        + e.get("data").get("cpu").asDouble());
              }
            });
    assertThat(joined).containsExactlyInAnyOrder("worker-1 cpu 1.0", "worker-2 cpu 1.0");
    awaitNoProcessOf(id);
  }

  @Test
  void stopping_a_job_with_workers_ends_every_one_of_its_jvms() {
    String id = run("{\"block_seconds\": 120}", TWO_WORKERS);
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () -> {
              JsonNode logs = gw.get("/api/v1/jobs/" + id + "/logs/", user).json();
              String text =
                  logs == null || logs.get("logs") == null ? "" : logs.get("logs").asString();
              return text.contains("[worker-1] task running")
                  && text.contains("[worker-2] task running");
            });
    assertThat(processesOf(id))
        .as("driver, 2 workers and their shell")
        .hasSizeGreaterThanOrEqualTo(3);

    assertThat(gw.post("/api/v1/jobs/" + id + "/stop/", user, Map.of()).status()).isEqualTo(200);

    assertThat(gw.awaitStatus(user, id, "STOPPED").get("status").asString()).isEqualTo("STOPPED");
    awaitNoProcessOf(id);
  }

  @Test
  void
      the_node_reserves_the_workers_allotments_so_a_job_waits_while_another_jobs_workers_hold_the_node()
          throws IOException {
    try (GatewayHarness small = GatewayHarness.start(b -> b.node(2, 8L << 30))) {
      String owner = small.newUser();
      byte[] source = GatewayHarness.tar(Map.of("JvmIds.java", programSource()));
      assertThat(small.upload(owner, "jvm-ids", "JvmIds.java", source).status()).isEqualTo(200);
      // 0.5 cpu for the job's JVM + one worker of 1.5: the whole node.
      GatewayHarness.Answer big =
          small.post(
              "/api/v1/programs/run/",
              owner,
              Map.of(
                  "title",
                  "jvm-ids",
                  "arguments",
                  "{\"block_seconds\": 120}",
                  "config",
                  Map.of("workers", 1, "cpu", 0.5, "worker_cpu", 1.5, "worker_mem", "256m")));
      String bigId = big.json().get("id").asString();
      small.awaitStatus(owner, bigId, "RUNNING");
      String next =
          small
              .post(
                  "/api/v1/programs/run/",
                  owner,
                  Map.of("title", "jvm-ids", "config", Map.of("cpu", 1)))
              .json()
              .get("id")
              .asString();

      await()
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  small
                      .get("/api/v1/jobs/" + next + "/", owner)
                      .json()
                      .get("status")
                      .asString()
                      .equals("QUEUED"));
      small.post("/api/v1/jobs/" + bigId + "/stop/", owner, Map.of());
      assertThat(small.awaitStatus(owner, next, "SUCCEEDED", "FAILED").get("status").asString())
          .isEqualTo("SUCCEEDED");
    }
  }

  @Test
  void
      an_auto_scaling_job_takes_capacity_per_worker_goes_on_when_the_node_is_full_and_gives_it_back_when_idle()
          throws IOException {
    try (GatewayHarness small = GatewayHarness.start(b -> b.node(2, 8L << 30))) {
      String owner = small.newUser();
      byte[] source = GatewayHarness.tar(Map.of("JvmIds.java", programSource()));
      assertThat(small.upload(owner, "jvm-ids", "JvmIds.java", source).status()).isEqualTo(200);
      // The driver (0.25 cpu) holds no 1-cpu task: they wait, and the driver asks for workers.
      // The node (2 cpus) has room for one worker of 1 cpu, not for a second, which runs the six
      // tasks of 1 s one after the other.
      String scaling =
          small
              .post(
                  "/api/v1/programs/run/",
                  owner,
                  Map.of(
                      "title",
                      "jvm-ids",
                      "arguments",
                      "{\"block_seconds\": 1, \"pause_ms\": 5000}",
                      "config",
                      Map.of(
                          "auto_scaling",
                          true,
                          "max_workers",
                          3,
                          "cpu",
                          0.25,
                          "worker_mem",
                          "256m",
                          "worker_idle_timeout",
                          1)))
              .json()
              .get("id")
              .asString();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> !events(small, owner, scaling, "WORKER_JOINED").isEmpty());
      JsonNode joined = events(small, owner, scaling, "WORKER_JOINED").getFirst();
      assertThat(joined.get("worker").asString()).isEqualTo("worker-1");
      assertThat(joined.get("reason").asString()).contains("tasks wait and fit no free member");
      // A job of 1.75 cpu does not fit beside the driver and its worker (0.75 free) ...
      String next =
          small
              .post(
                  "/api/v1/programs/run/",
                  owner,
                  Map.of("title", "jvm-ids", "config", Map.of("cpu", 1.75)))
              .json()
              .get("id")
              .asString();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !events(small, owner, scaling, "WORKER_NOT_ADDED").isEmpty());
      assertThat(
              events(small, owner, scaling, "WORKER_NOT_ADDED").getFirst().get("reason").asString())
          .contains(
              "The node has cpu 0.75",
              "free and a worker needs cpu 1.0",
              "goes on with its 1 workers");
      assertThat(status(small, owner, next)).isEqualTo("QUEUED");
      // ... until the worker, idle for 1 s after the tasks, is removed: the job is still running.
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> !status(small, owner, next).equals("QUEUED"));
      assertThat(status(small, owner, scaling)).isEqualTo("RUNNING");
      JsonNode left = events(small, owner, scaling, "WORKER_LEFT").getFirst();
      assertThat(left.get("worker").asString()).isEqualTo("worker-1");
      assertThat(left.get("reason").asString()).startsWith("idle (no task) for 1.0 s");

      JsonNode done = small.awaitStatus(owner, scaling, "SUCCEEDED", "FAILED");
      assertThat(done.get("status").asString()).isEqualTo("SUCCEEDED");
      assertThat(events(small, owner, scaling, "WORKER_JOINED")).hasSize(1);
      assertThat(small.awaitStatus(owner, next, "SUCCEEDED", "FAILED").get("status").asString())
          .isEqualTo("SUCCEEDED");
      awaitNoProcessOf(scaling);
    }
  }

  private static String status(GatewayHarness g, String owner, String id) {
    return g.get("/api/v1/jobs/" + id + "/", owner).json().get("status").asString();
  }

  /** The data of the job's events of {@code type}, oldest first. */
  static List<JsonNode> events(GatewayHarness g, String owner, String id, String type) {
    List<JsonNode> out = new ArrayList<>();
    g.get("/api/v1/jobs/" + id + "/events/?type=" + type, owner)
        .json()
        .forEach(e -> out.add(e.get("data")));
    return out;
  }

  @Test
  void worker_settings_that_do_not_mean_one_thing_answer_400_saying_what_to_send() {
    assertRefused(
        Map.of("workers", 2, "max_workers", 4),
        "'max_workers' (4) must equal 'workers' (2) without auto-scaling");
    assertRefused(
        Map.of("workers", 2, "min_workers", 1),
        "'min_workers' (1) must equal 'workers' (2) without auto-scaling");
    assertRefused(Map.of("auto_scaling", true), "'max_workers' is needed with \"auto_scaling\"");
    assertRefused(
        Map.of("auto_scaling", true, "min_workers", 3, "max_workers", 2),
        "'min_workers' (3) must be at most 'max_workers' (2)");
    assertRefused(
        Map.of("auto_scaling", true, "workers", 5, "min_workers", 1, "max_workers", 4),
        "'workers' (5), the workers the job starts with, must be between 'min_workers' (1) and"
            + " 'max_workers' (4)");
    assertRefused(
        Map.of("auto_scaling", true, "max_workers", 33),
        "'max_workers' must be at most 32 (this gateway's limit of workers per job), got 33");
    assertRefused(
        Map.of("workers", 2, "worker_idle_timeout", 5),
        "'worker_idle_timeout' needs \"auto_scaling\"");
    assertRefused(
        Map.of("auto_scaling", true, "max_workers", 2, "worker_idle_timeout", 0),
        "'worker_idle_timeout' must be seconds in [1, 86400], got 0");
    assertRefused(Map.of("worker_cpu", 2), "need \"workers\" > 0");
    assertRefused(Map.of("workers", 33), "'workers' must be at most 32");
    assertRefused(Map.of("workers", 2, "worker_cpu", 40), "more than this node's 64.0 cpus");
  }

  private static void assertRefused(Map<String, Object> config, String message) {
    GatewayHarness.Answer a =
        gw.post("/api/v1/programs/run/", user, Map.of("title", "jvm-ids", "config", config));
    assertThat(a.status()).as(a.body()).isEqualTo(400);
    assertThat(a.message()).contains(message);
  }

  private static String run(String arguments, Map<String, Object> config) {
    GatewayHarness.Answer a =
        gw.post(
            "/api/v1/programs/run/",
            user,
            Map.of("title", "jvm-ids", "arguments", arguments, "config", config));
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    return a.json().get("id").asString();
  }

  static void awaitNoProcessOf(String jobId) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(processesOf(jobId)).isEmpty());
  }

  /**
   * The pids of this machine's processes whose environment names the job (its wrapper, driver,
   * workers).
   */
  static List<Long> processesOf(String jobId) {
    byte[] marker = ("ENV_JOB_ID_GATEWAY=" + jobId).getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      return procs
          .filter(p -> p.getFileName().toString().matches("\\d+"))
          .filter(p -> contains(p.resolve("environ"), marker))
          .map(p -> Long.parseLong(p.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean contains(Path file, byte[] marker) {
    try {
      String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      return text.contains(new String(marker, StandardCharsets.ISO_8859_1));
    } catch (IOException | SecurityException gone) {
      return false;
    }
  }
}
