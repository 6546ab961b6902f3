package io.qserverless.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.qserverless.protocol.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What a job process gets and reaches: exactly its environment (issue 13, attack 2), nothing of
 * another user's running job (attack 3), and no child that outlives a stop (attack 6). Real jobs,
 * real HTTP, the real sandbox (bubblewrap must work on the machine: ./qs and .ci/run install it).
 */
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
    assertThat(got.keySet())
        .containsExactlyInAnyOrder(
            "PATH",
            "HOME",
            "LANG",
            "PWD",
            "GREETING",
            "ENV_JOB_GATEWAY_HOST",
            "ENV_JOB_GATEWAY_TOKEN",
            "ENV_JOB_ID_GATEWAY",
            "ARGUMENTS_PATH",
            "RESULTS_PATH",
            "DATA_PATH",
            "QS_JOB_CPU",
            "QS_JOB_MEMORY");
    assertThat(got.get("GREETING")).isEqualTo("hello");
    assertThat(got.get("HOME"))
        .isEqualTo(java.nio.file.Path.of(got.get("RESULTS_PATH")).getParent().toString());
    assertThat(got.get("ENV_JOB_GATEWAY_HOST")).isEqualTo(gw.url());
  }

  @Test
  void another_users_job_cannot_read_or_signal_a_running_job() throws IOException {
    Attack attack = attack(gw);
    assertThat(attack.attempts())
        .hasSize(14)
        .allSatisfy((what, outcome) -> assertThat(outcome).as(what).startsWith("denied"));
    assertThat(attack.victimAfter()).isEqualTo("RUNNING");
  }

  @Test
  void without_the_sandbox_the_same_attack_succeeds() throws IOException {
    // What --no-sandbox gives up (docs/operations.md, "Security model"); also shows the attack can
    // succeed.
    try (GatewayHarness open = GatewayHarness.start(b -> b.noSandbox(true))) {
      Attack attack = attack(open);
      Map<String, String> attempts = attack.attempts();
      assertThat(attempts.get("read the victim's environment")).contains("ENV_JOB_GATEWAY_TOKEN=");
      assertThat(attempts.get("read the victim's arguments.json")).startsWith("GOT");
      assertThat(attempts.get("read the victim's file")).startsWith("GOT").contains("secret");
      assertThat(attempts.get("read the database file")).startsWith("GOT");
      assertThat(attempts.get("read the database through /proc/self/root")).startsWith("GOT");
      assertThat(attempts.get("read the victim's file through its /proc/<pid>/root"))
          .startsWith("GOT")
          .contains("secret");
      assertThat(attempts.get("list other jobs' directories")).startsWith("GOT");
      assertThat(attempts.get("signal the victim (ProcessHandle)")).isEqualTo("GOT: signalled");
      assertThat(attack.victimAfter()).isEqualTo("killed");
      assertThat(attempts.get("read GATEWAY_PASSWORD"))
          .startsWith("denied"); // the clean environment holds either way
    }
  }

  @Test
  void a_stop_ends_a_double_forked_child_too() {
    // Issue 13, attack 6: "(setsid sleep 4321 &)" leaves the job's process tree and its session.
    String user = gw.newUser();
    String sleep = "4321." + System.nanoTime() % 1_000_000;
    byte[] script =
        ("#!/bin/sh\n(setsid sleep " + sleep + " &)\necho forked\nexec sleep 600\n").getBytes();
    assertThat(
            gw.upload(user, "forker", "run.sh", GatewayHarness.tar(Map.of("run.sh", script)))
                .status())
        .isEqualTo(200);
    String id = gw.run(user, "forker", "{}");
    await().atMost(Duration.ofSeconds(30)).until(() -> !sleepers(sleep).isEmpty());
    assertThat(gw.post("/api/v1/jobs/" + id + "/stop/", user, null).status()).isEqualTo(200);
    assertThat(gw.awaitStatus(user, id, "STOPPED", "FAILED", "SUCCEEDED").get("status").asString())
        .isEqualTo("STOPPED");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(sleepers(sleep)).isEmpty());
  }

  @Test
  void a_job_writes_its_own_private_tmp_not_the_hosts() {
    String mark = "qs-tmp-probe-" + System.nanoTime();
    String script =
        "#!/bin/sh\necho private > /tmp/"
            + mark
            + " && cat /tmp/"
            + mark
            + "\nmktemp -d && echo made\n";
    String user = gw.newUser();
    assertThat(
            gw.upload(
                    user, "tmp", "run.sh", GatewayHarness.tar(Map.of("run.sh", script.getBytes())))
                .status())
        .isEqualTo(200);
    String id = gw.run(user, "tmp", "{}");
    assertThat(gw.awaitStatus(user, id, "SUCCEEDED", "FAILED", "STOPPED").get("status").asString())
        .isEqualTo("SUCCEEDED");
    String logs = gw.get("/api/v1/jobs/" + id + "/logs/", user).json().get("logs").asString();
    assertThat(logs).contains("private").contains("made");
    assertThat(Path.of("/tmp", mark)).as("the job's /tmp is its own").doesNotExist();
  }

  @Test
  void links_a_job_leaves_are_never_read_or_written_through_by_the_gateway() throws IOException {
    // A host file the job cannot see; the gateway and the wrapper, outside the sandbox, could reach
    // it through a link.
    Path secret = Files.createTempFile("qs-host-secret", ".tar");
    Files.writeString(secret, "host secret");
    String user = gw.newUser();
    String script =
        """
        #!/bin/sh
        ln -s "$SECRET" "$DATA_PATH/leak.tar"
        ln -sf "$SECRET" "$RESULTS_PATH"
        d=$(dirname "$HOME")
        ln -sf "$SECRET" "$d/job.log.tail-000000001" || echo "no link in the job directory"
        ln -sf "$SECRET" "$d/exit-code.tmp" || echo "no link in the job directory"
        echo done
        """;
    upload(
        gw,
        user,
        "linker",
        "run.sh",
        GatewayHarness.tar(Map.of("run.sh", script.getBytes())),
        GatewayHarness.json(Map.of("SECRET", secret.toString())));
    String id = gw.run(user, "linker", "{}");
    assertThat(gw.awaitStatus(user, id, "SUCCEEDED", "FAILED", "STOPPED").get("status").asString())
        .isEqualTo("SUCCEEDED");
    String logs = gw.get("/api/v1/jobs/" + id + "/logs/", user).json().get("logs").asString();
    assertThat(logs)
        .contains("Read-only file system")
        .contains("done")
        .doesNotContain("host secret");
    assertThat(gw.get("/api/v1/jobs/" + id + "/result/", user).status())
        .as("a link is no result")
        .isEqualTo(204);
    GatewayHarness.Answer leak =
        gw.get("/api/v1/files/download/?function=linker&file=leak.tar", user);
    assertThat(leak.status()).isEqualTo(404);
    assertThat(leak.body()).doesNotContain("host secret");
    assertThat(secret).hasContent("host secret");
  }

  @Test
  void links_a_job_leaves_in_its_files_never_take_the_files_api_out_of_the_users_folder()
      throws IOException {
    // User A's file and the database: the job of user B cannot see them, but the gateway, outside
    // the sandbox, could reach them through links B leaves in its DATA_PATH.
    String a = gw.newUser();
    assertThat(
            gw.multipart(
                    "/api/v1/files/upload/",
                    a,
                    Map.of(
                        "file",
                        new GatewayHarness.FilePart(
                            "mine.tar", GatewayHarness.tar(Map.of("s.txt", "A's".getBytes())))))
                .status())
        .isEqualTo(200);
    Path aFile;
    Path database;
    try (Stream<Path> files = Files.walk(gw.dataDir.resolve("files"));
        Stream<Path> dbs = Files.list(gw.dataDir.resolve("db"))) {
      aFile =
          files
              .filter(p -> p.getFileName().toString().equals("mine.tar"))
              .findFirst()
              .orElseThrow();
      database = dbs.findFirst().orElseThrow();
    }
    long databaseSize = Files.size(database);
    String b = gw.newUser();
    String script =
        """
        #!/bin/sh
        cd "$DATA_PATH"
        ln -s "$A_FILE" a.tar
        ln -s "$DATABASE" db.bin
        ln -s "$A_DIR" dir.tar
        ln -s / root.tar
        mkdir adir.tar
        for f in "$ARGUMENTS_PATH" /etc/passwd "$JAVA_HOME_BIN/java" "$A_FILE"; do
          ln "$f" "hard-$(basename "$f").bin" || echo "no hard link to $f"
        done
        echo done
        """;
    upload(
        gw,
        b,
        "linker",
        "run.sh",
        GatewayHarness.tar(Map.of("run.sh", script.getBytes())),
        GatewayHarness.json(
            Map.of(
                "A_FILE", aFile.toString(),
                "A_DIR", aFile.getParent().toString(),
                "DATABASE", database.toString(),
                "JAVA_HOME_BIN", Path.of(System.getProperty("java.home"), "bin").toString())));
    String id = gw.run(b, "linker", "{}");
    assertThat(gw.awaitStatus(b, id, "SUCCEEDED", "FAILED", "STOPPED").get("status").asString())
        .isEqualTo("SUCCEEDED");
    String logs = gw.get("/api/v1/jobs/" + id + "/logs/", b).json().get("logs").asString();
    assertThat(logs)
        .contains(
            "no hard link to " + gw.dataDir.resolve("jobs").resolve(id).resolve("arguments.json"))
        .contains("no hard link to /etc/passwd")
        .contains("no hard link to " + System.getProperty("java.home") + "/bin/java")
        .contains("no hard link to " + aFile)
        .contains("done");
    assertThat(gw.get("/api/v1/files/", b).json().get("results").toString())
        .as("links and directories are not files")
        .isEqualTo("[]");
    for (String name : List.of("a.tar", "db.bin", "dir.tar", "root.tar", "adir.tar")) {
      GatewayHarness.Answer got = gw.get("/api/v1/files/download/?file=" + name, b);
      assertThat(got.status()).as(name).isEqualTo(404);
      assertThat(got.body()).as(name).doesNotContain("A's");
    }
    for (String name : List.of("a.tar", "db.bin", "dir.tar", "root.tar")) {
      assertThat(gw.send("DELETE", "/api/v1/files/delete/?file=" + name, b, null).status())
          .as("deleting the link " + name)
          .isEqualTo(200);
    }
    assertThat(gw.send("DELETE", "/api/v1/files/delete/?file=adir.tar", b, null).status())
        .as("a directory is no file")
        .isEqualTo(404);
    assertThat(aFile).exists();
    assertThat(gw.get("/api/v1/files/download/?file=mine.tar", a).status()).isEqualTo(200);
    assertThat(Files.size(database)).isGreaterThanOrEqualTo(databaseSize);
  }

  @Test
  void env_vars_no_environment_can_carry_are_refused_at_upload_and_store_nothing() {
    // The sandbox hands the environment to bwrap as NUL-separated arguments: a NUL in a value
    // would add bwrap options, here a read-write bind of the host's root into the job.
    String user = gw.newUser();
    byte[] tar = GatewayHarness.tar(Map.of("run.sh", "#!/bin/sh\nls /host\n".getBytes()));
    Map<String, String> refused =
        Map.of(
            "{\"X\": \"a\\u0000--bind\\u0000/\\u0000/host\"}", "without NUL characters",
            "{\"A=B\": \"1\"}", "is not a variable name",
            "{\"1X\": \"1\"}", "is not a variable name",
            "{\"X\": {\"y\": 1}}", "must be a string");
    refused.forEach(
        (env, why) -> {
          Map<String, Object> parts = new LinkedHashMap<>();
          parts.put("title", "smuggler");
          parts.put("entrypoint", "run.sh");
          parts.put("env_vars", env);
          parts.put("artifact", new GatewayHarness.FilePart("artifact.tar", tar));
          GatewayHarness.Answer a = gw.multipart("/api/v1/programs/upload/", user, parts);
          assertThat(a.status()).as(env).isEqualTo(400);
          assertThat(a.message()).as(env).contains("env_vars").contains(why);
        });
    assertThat(gw.get("/api/v1/programs/", user).body()).doesNotContain("smuggler");
  }

  /** What each attempt of B's program got, and the status of A's job afterwards. */
  private record Attack(Map<String, String> attempts, String victimAfter) {}

  /** User A runs a long job with a file of their own; user B's job tries to get at it. */
  private static Attack attack(GatewayHarness gw) throws IOException {
    String a = gw.newUserWithProbe();
    byte[] secret = GatewayHarness.tar(Map.of("s.txt", "secret".getBytes()));
    assertThat(
            gw.multipart(
                    "/api/v1/files/upload/?function=probe",
                    a,
                    Map.of("file", new GatewayHarness.FilePart("secret.tar", secret)))
                .status())
        .isEqualTo(200);
    String victim = gw.run(a, "probe", "{\"mode\": \"sleep\", \"ms\": 60000}");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                "MAPPING"
                    .equals(
                        gw.get("/api/v1/jobs/" + victim + "/", a)
                            .json()
                            .path("sub_status")
                            .asString(null)));
    ProcessHandle program =
        ProcessHandle.allProcesses()
            .filter(p -> commandLine(p).contains(victim))
            .flatMap(ProcessHandle::descendants)
            .filter(p -> commandLine(p).contains("Probe"))
            .findFirst()
            .orElseThrow();
    Path file;
    Path db;
    try (Stream<Path> files = Files.walk(gw.dataDir.resolve("files"));
        Stream<Path> dbs = Files.list(gw.dataDir.resolve("db"))) {
      file =
          files
              .filter(p -> p.getFileName().toString().equals("secret.tar"))
              .findFirst()
              .orElseThrow();
      db = dbs.findFirst().orElseThrow();
    }
    String b = gw.newUser();
    uploadIntruder(gw, b, "{}");
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("mode", "attack");
    args.put("victimPid", program.pid());
    args.put(
        "victimArguments",
        gw.dataDir.resolve("jobs").resolve(victim).resolve("arguments.json").toString());
    args.put("victimFiles", file.getParent().toString());
    args.put("victimFile", file.toString());
    args.put("database", db.toString());
    args.put("dataDir", gw.dataDir.toString());
    JsonNode got = result(gw, b, gw.run(b, "intruder", GatewayHarness.json(args)));
    Map<String, String> attempts = new LinkedHashMap<>();
    got.properties().forEach(e -> attempts.put(e.getKey(), e.getValue().asString()));
    String after =
        program.isAlive()
            ? gw.get("/api/v1/jobs/" + victim + "/", a).json().get("status").asString()
            : "killed";
    gw.post("/api/v1/jobs/" + victim + "/stop/", a, null);
    return new Attack(attempts, after);
  }

  private static List<ProcessHandle> sleepers(String seconds) {
    return ProcessHandle.allProcesses()
        .filter(p -> commandLine(p).equals("sleep\0" + seconds + "\0"))
        .toList();
  }

  private static String commandLine(ProcessHandle p) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline"));
    } catch (IOException | java.io.UncheckedIOException e) {
      return ""; // ended meanwhile
    }
  }

  static void uploadIntruder(String user, String envVars) {
    uploadIntruder(gw, user, envVars);
  }

  static void uploadIntruder(GatewayHarness gw, String user, String envVars) {
    upload(
        gw,
        user,
        "intruder",
        "Intruder.java",
        GatewayHarness.tar(Map.of("Intruder.java", source())),
        envVars);
  }

  static void upload(
      GatewayHarness gw, String user, String title, String entrypoint, byte[] tar, String envVars) {
    Map<String, Object> parts = new LinkedHashMap<>();
    parts.put("title", title);
    parts.put("entrypoint", entrypoint);
    parts.put("env_vars", envVars);
    parts.put("artifact", new GatewayHarness.FilePart("artifact.tar", tar));
    GatewayHarness.Answer a = gw.multipart("/api/v1/programs/upload/", user, parts);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
  }

  static JsonNode result(String user, String jobId) {
    return result(gw, user, jobId);
  }

  static JsonNode result(GatewayHarness gw, String user, String jobId) {
    JsonNode job = gw.awaitStatus(user, jobId, "SUCCEEDED", "FAILED", "STOPPED");
    assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
    return Json.MAPPER.readTree(
        gw.get("/api/v1/jobs/" + jobId + "/result/", user).json().get("result").asString());
  }

  private static byte[] source() {
    try (InputStream in = JobIsolationTest.class.getResourceAsStream("/programs/Intruder.java")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
