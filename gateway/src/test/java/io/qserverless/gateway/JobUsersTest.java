package io.qserverless.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.qserverless.gateway.config.GatewayConfig;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A gateway running as root runs each user's jobs as that user's own uid, so the kernel enforces
 * the process cap (it exempts root): a real fork bomb is held at the cap while the gateway and
 * another user's job carry on, and the files jobs leave stay usable by the owner's next job and by
 * the gateway. Real jobs over real HTTP, in the real sandbox, as root (as here and in CI).
 */
class JobUsersTest {
  private static final int CAP = 64;
  // A range of its own, so no other gateway of the test run has jobs under these uids.
  private static final long FIRST_UID = 1_960_000_000;
  // Every copy starts two more and stays 5 s; depth 9 bounds it at 1,023 copies (and as many
  // sleeps), so the machine is safe even if the cap did not hold.
  private static final String BOMB =
      """
      #!/bin/sh
      bomb() {
        if [ "$1" -gt 0 ]; then bomb $(($1 - 1)) & bomb $(($1 - 1)) & fi
        sleep 5
      }
      id -u
      bomb 9 &
      wait
      echo "the bomb is over"
      exit 1
      """;
  static GatewayHarness gw;

  @BeforeAll
  static void start() {
    assertThat(io.qserverless.gateway.sandbox.JobUsers.asRoot())
        .as("these tests run as root, as ./qs test and CI do")
        .isTrue();
    gw =
        GatewayHarness.start(
            b ->
                b.maxJobProcesses(CAP).jobUids(FIRST_UID, 1000).jobTimeout(Duration.ofSeconds(60)));
  }

  @AfterAll
  static void stop() {
    gw.close();
  }

  @Test
  void a_fork_bomb_is_held_at_the_process_cap_while_the_gateway_and_another_users_job_carry_on()
      throws Exception {
    String bomber = gw.newUser();
    upload(gw, bomber, "bomb", BOMB);
    String other = gw.newUser();
    upload(
        other,
        "forks",
        """
        #!/bin/sh
        sleep 2
        i=0; while [ $i -lt 20 ]; do sleep 1 & i=$((i+1)); done; wait
        echo "forked 20"
        echo '{"forked": 20}' > "$RESULTS_PATH"
        """);
    String bombJob = gw.run(bomber, "bomb", "{}");
    long uid = Long.parseLong(firstLine(bomber, bombJob));
    AtomicInteger most = new AtomicInteger();
    Thread counter =
        Thread.ofVirtual()
            .start(
                () -> {
                  while (!Thread.currentThread().isInterrupted()) {
                    most.accumulateAndGet(tasksOf(uid), Math::max);
                  }
                });
    String otherJob = gw.run(other, "forks", "{}");
    JsonNode bombed = gw.awaitStatus(bomber, bombJob, "SUCCEEDED", "FAILED", "STOPPED");
    counter.interrupt();
    counter.join();
    assertThat(bombed.get("status").asString()).isEqualTo("FAILED");
    assertThat(bombed.get("reason").asString()).contains("exited with code 1");
    assertThat(logs(bomber, bombJob)).contains("Cannot fork").contains("the bomb is over");
    assertThat(most.get())
        .as("processes and threads of the bomb's uid at most (sampled, so maybe below the cap)")
        .isBetween(CAP / 4, CAP);
    JsonNode healthy = gw.awaitStatus(other, otherJob, "SUCCEEDED", "FAILED", "STOPPED");
    assertThat(healthy.get("status").asString()).as(healthy.toString()).isEqualTo("SUCCEEDED");
    assertThat(logs(other, otherJob)).isEqualTo("forked 20\n");
    assertThat(gw.get("/readiness", null).status()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(tasksOf(uid)).as("nothing of the bomb is left").isZero());
  }

  @Test
  void as_an_ordinary_user_the_gateway_runs_jobs_as_itself_and_the_cap_holds_there_too()
      throws Exception {
    long uid = FIRST_UID + 5000; // outside the range above; no user of the machine has it
    int cap = 256; // above the gateway JVM's own threads, which the kernel counts with its jobs'
    Path data = Files.createTempDirectory("qs-ordinary-user");
    Files.setAttribute(data, "unix:uid", (int) uid);
    int port = GatewayChild.freePort();
    try (GatewayChild child =
        GatewayChild.start(
            List.of("setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups", "--"),
            List.of("-Dqs.maxJobProcesses=" + cap),
            readableClassPath(),
            data,
            port,
            GatewayChild.newLog())) {
      assertThat(child.log())
          .anyMatch(l -> l.contains("as the gateway's own user, in a user namespace"));
      GatewayHarness remote = GatewayHarness.remote("http://127.0.0.1:" + port, null, data);
      String user = child.token();
      upload(remote, user, "bomb", BOMB);
      String job = remote.run(user, "bomb", "{}");
      assertThat(firstLine(remote, user, job))
          .as("nobody, in the job's user namespace")
          .isEqualTo("65534");
      AtomicInteger most = new AtomicInteger();
      Thread counter =
          Thread.ofVirtual()
              .start(
                  () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                      most.accumulateAndGet(tasksOf(uid, child.pid()), Math::max);
                    }
                  });
      JsonNode bombed = remote.awaitStatus(user, job, "SUCCEEDED", "FAILED", "STOPPED");
      counter.interrupt();
      counter.join();
      assertThat(bombed.get("status").asString()).isEqualTo("FAILED");
      assertThat(logs(remote, user, job)).contains("Cannot fork").contains("the bomb is over");
      assertThat(most.get())
          .as("processes and threads of the jobs at most")
          .isBetween(cap / 8, cap);
      // Not root, the gateway reads the result only through the work directory's mode.
      upload(
          remote,
          user,
          "after",
          "#!/bin/sh\necho '{\"fine\": 1}' > \"$RESULTS_PATH\"\nchmod 000 \"$HOME\"\n");
      String after = remote.run(user, "after", "{}");
      assertThat(remote.awaitStatus(user, after, "SUCCEEDED", "FAILED").get("status").asString())
          .isEqualTo("SUCCEEDED");
      assertThat(
              remote
                  .get("/api/v1/jobs/" + after + "/result/", user)
                  .json()
                  .get("result")
                  .asString())
          .isEqualTo("{\"fine\": 1}\n");
      assertThat(remote.get("/readiness", null).status()).isEqualTo(200);
    }
  }

  @Test
  void a_job_uid_range_of_no_ordinary_ids_is_refused_and_a_user_past_the_range_gets_a_reason()
      throws IOException {
    Path dir = Files.createTempDirectory("qs-uids");
    for (long[] range : new long[][] {{0, 10}, {999, 10}, {2_147_000_000L, 1_000_000}}) {
      assertThatThrownBy(() -> GatewayConfig.builder(dir).jobUids(range[0], range[1]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("are not a range of ordinary ids")
          .hasMessageContaining("first >= 1000");
    }
    try (GatewayHarness one = GatewayHarness.start(b -> b.jobUids(FIRST_UID + 7000, 1))) {
      String second = one.newUser(); // user 2, past a range for one user
      upload(one, second, "script", "#!/bin/sh\necho hi\n");
      JsonNode job =
          one.awaitStatus(second, one.run(second, "script", "{}"), "FAILED", "SUCCEEDED");
      assertThat(job.get("status").asString()).isEqualTo("FAILED");
      assertThat(job.get("reason").asString())
          .contains("user 2 has no job uid")
          .contains("widen it (--job-uids)");
    }
  }

  /**
   * This JVM's class path as another user can read it: jars under a directory closed to others
   * (here ~/.m2 of root) are hard-linked into an open one.
   */
  private static String readableClassPath() throws IOException {
    Path open = Files.createTempDirectory("qs-open-classpath");
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
    List<String> entries = new ArrayList<>();
    int i = 0;
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path entry = Path.of(e).toAbsolutePath();
      if (e.endsWith(".jar") && !openToOthers(entry)) {
        Path dir = Files.createDirectory(open.resolve(Integer.toString(i++)));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        entry = Files.createLink(dir.resolve(entry.getFileName()), entry);
      }
      entries.add(entry.toString());
    }
    return String.join(File.pathSeparator, entries);
  }

  /** True when every directory above {@code p} lets others through. */
  private static boolean openToOthers(Path p) throws IOException {
    for (Path d = p.getParent(); d != null; d = d.getParent()) {
      if (!Files.getPosixFilePermissions(d).contains(PosixFilePermission.OTHERS_EXECUTE)) {
        return false;
      }
    }
    return true;
  }

  @Test
  void a_users_jobs_share_a_uid_yet_one_cannot_reach_anothers_work_directory() {
    String user = gw.newUser();
    upload(
        user,
        "holder",
        """
        #!/bin/sh
        id -u
        echo "work secret" > "$HOME/secret.txt"
        sleep 60
        """);
    String holder = gw.run(user, "holder", "{}");
    String holderUid = firstLine(user, holder);
    Path holderWork = gw.dataDir.resolve("jobs").resolve(holder).resolve("work");
    upload(
        user,
        "peer",
        """
        #!/bin/sh
        id -u
        cat "$1/secret.txt" || echo "no secret"
        ls "$1" || echo "no listing"
        ls /proc | grep -c '^[0-9]'
        """
            .replace("$1", holderWork.toString()));
    String peer = gw.run(user, "peer", "{}");
    assertThat(gw.awaitStatus(user, peer, "SUCCEEDED", "FAILED").get("status").asString())
        .isEqualTo("SUCCEEDED");
    String[] lines = logs(user, peer).split("\n");
    assertThat(lines[0]).as("the same uid as the holder").isEqualTo(holderUid);
    assertThat(String.join("\n", lines))
        .contains("No such file or directory")
        .contains("no secret")
        .contains("no listing")
        .doesNotContain("work secret");
    assertThat(gw.post("/api/v1/jobs/" + holder + "/stop/", user, null).status()).isEqualTo(200);
  }

  @Test
  void files_a_job_leaves_stay_readable_writable_and_deletable_by_the_next_job_and_the_gateway()
      throws IOException {
    String user = gw.newUser();
    byte[] uploaded = GatewayHarness.tar(Map.of("in.txt", "from the api".getBytes()));
    assertThat(
            gw.multipart(
                    "/api/v1/files/upload/",
                    user,
                    Map.of("file", new GatewayHarness.FilePart("uploaded.tar", uploaded)))
                .status())
        .isEqualTo(200);
    upload(
        user,
        "leaver",
        """
        #!/bin/sh
        umask 077
        echo "private" > "$DATA_PATH/left.txt"
        chmod 600 "$DATA_PATH/left.txt"
        mkdir "$DATA_PATH/sub" && echo "deep" > "$DATA_PATH/sub/deep.txt" && chmod 700 "$DATA_PATH/sub"
        cat "$DATA_PATH/uploaded.tar" > /dev/null && echo "read the upload"
        echo "changed" > "$DATA_PATH/uploaded.tar" && echo "changed the upload"
        chmod 000 "$DATA_PATH" "$HOME"
        """);
    upload(
        user,
        "follower",
        """
        #!/bin/sh
        cat "$DATA_PATH/left.txt"
        cat "$DATA_PATH/sub/deep.txt"
        echo "overwritten" > "$DATA_PATH/left.txt" && cat "$DATA_PATH/left.txt"
        rm -r "$DATA_PATH/sub" && echo "deleted sub"
        """);
    String leaver = gw.run(user, "leaver", "{}");
    assertThat(gw.awaitStatus(user, leaver, "SUCCEEDED", "FAILED").get("status").asString())
        .isEqualTo("SUCCEEDED");
    assertThat(logs(user, leaver)).contains("read the upload").contains("changed the upload");
    String follower = gw.run(user, "follower", "{}");
    assertThat(gw.awaitStatus(user, follower, "SUCCEEDED", "FAILED").get("status").asString())
        .isEqualTo("SUCCEEDED");
    assertThat(logs(user, follower))
        .contains("private\ndeep\noverwritten\ndeleted sub")
        .doesNotContain("Permission denied");
    GatewayHarness.Answer left = gw.get("/api/v1/files/download/?file=left.txt", user);
    assertThat(left.status()).isEqualTo(200);
    assertThat(left.body()).isEqualTo("overwritten\n");
    assertThat(gw.get("/api/v1/files/download/?file=uploaded.tar", user).body())
        .isEqualTo("changed\n");
    assertThat(gw.send("DELETE", "/api/v1/files/delete/?file=left.txt", user, null).message())
        .isEqualTo("Requested file was deleted.");
    assertThat(gw.get("/api/v1/files/", user).json().get("results").toString())
        .isEqualTo("[\"uploaded.tar\"]");
  }

  private static void upload(String user, String title, String script) {
    upload(gw, user, title, script);
  }

  private static void upload(GatewayHarness gw, String user, String title, String script) {
    GatewayHarness.Answer a =
        gw.upload(user, title, "run.sh", GatewayHarness.tar(Map.of("run.sh", script.getBytes())));
    assertThat(a.status()).as(a.body()).isEqualTo(200);
  }

  private static String logs(String user, String job) {
    return logs(gw, user, job);
  }

  /** The job's log so far ("" before its first byte: the API answers 204 then). */
  private static String logs(GatewayHarness gw, String user, String job) {
    GatewayHarness.Answer a = gw.get("/api/v1/jobs/" + job + "/logs/", user);
    return a.status() == 204 ? "" : a.json().get("logs").asString();
  }

  /** The job's first log line, once it has written one. */
  private static String firstLine(String user, String job) {
    return firstLine(gw, user, job);
  }

  private static String firstLine(GatewayHarness gw, String user, String job) {
    String[] line = new String[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              String logs = logs(gw, user, job);
              line[0] = logs.contains("\n") ? logs.substring(0, logs.indexOf('\n')) : null;
              return line[0] != null;
            });
    return line[0];
  }

  /** Processes and threads of the machine whose real uid is {@code uid}, as RLIMIT_NPROC counts. */
  private static int tasksOf(long uid) {
    return tasksOf(uid, -1);
  }

  /** The same, but for the process {@code except}. */
  private static int tasksOf(long uid, long except) {
    int tasks = 0;
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p :
          procs
              .filter(p -> p.getFileName().toString().matches("\\d+"))
              .filter(p -> !p.getFileName().toString().equals(Long.toString(except)))
              .toList()) {
        try {
          String status = Files.readString(p.resolve("status"));
          if (status.contains("\nUid:\t" + uid + "\t")) {
            tasks += Integer.parseInt(status.replaceAll("(?s).*\nThreads:\t(\\d+).*", "$1"));
          }
        } catch (IOException | RuntimeException e) {
          // ended meanwhile
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return tasks;
  }
}
