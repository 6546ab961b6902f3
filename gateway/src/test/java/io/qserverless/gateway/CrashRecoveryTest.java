package io.qserverless.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code kill -9} of the gateway at random moments while jobs are submitted, queued, started,
 * running and finishing, round after round on one data directory, on H2 and on PostgreSQL.
 *
 * <p>Afterwards every job the gateway answered 200 for exists and ended SUCCEEDED exactly once, its
 * program ran exactly once (each run appends its job id to a file in {@code DATA_PATH}) and its
 * result is the one the program wrote. The job processes are never killed: a run that outlived its
 * gateway is adopted or finished from its files by the next one.
 *
 * <p>Rounds: {@code -Dqs.crash.rounds} (the {@code crash} Maven profile, which CI runs, sets 20).
 */
class CrashRecoveryTest {
  private static final int ROUNDS = Integer.getInteger("qs.crash.rounds", 2);
  private static final int SUBMITTERS = 3;
  // Sleeps up to 0.6 s, so that kills find jobs in every phase, then writes its result.
  private static final String PROGRAM =
      """
      #!/bin/sh
      echo "$ENV_JOB_ID_GATEWAY" >> "$DATA_PATH/starts"
      sleep "0.$(tr -cd 0-9 < "$ARGUMENTS_PATH")"
      printf '{"id": "%s"}' "$ENV_JOB_ID_GATEWAY" > "$RESULTS_PATH"
      """;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void every_acknowledged_job_survives_kill_9_and_runs_exactly_once(String database)
      throws Exception {
    Path data = Files.createTempDirectory("qs-crash");
    int port = GatewayChild.freePort();
    List<String> log = GatewayChild.newLog();
    Random random = new Random(42);
    Queue<String> acked = new ConcurrentLinkedQueue<>();
    Queue<String> refused = new ConcurrentLinkedQueue<>();
    try (EmbeddedPostgres pg = database.equals("postgresql") ? EmbeddedPostgres.start() : null) {
      String[] db =
          pg == null
              ? new String[0]
              : new String[] {pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres"};
      GatewayChild first = GatewayChild.start(data, port, log, db);
      String token = first.token();
      GatewayHarness gw = GatewayHarness.remote("http://127.0.0.1:" + port, token, data);
      byte[] tar = GatewayHarness.tar(Map.of("run.sh", PROGRAM.getBytes()));
      assertThat(gw.upload(token, "crash", "run.sh", tar).status()).isEqualTo(200);
      GatewayChild child = first;
      for (int round = 0; round < ROUNDS; round++) {
        List<Thread> submitters = new ArrayList<>();
        GatewayChild current = child;
        for (int s = 0; s < SUBMITTERS; s++) {
          int sleep = random.nextInt(7);
          submitters.add(
              Thread.ofVirtual()
                  .start(
                      () -> submitUntilRefused(gw, token, sleep, acked, refused, current::alive)));
        }
        int before = acked.size();
        // Kill only once this gateway has acknowledged a run, however slow its start was.
        try {
          await().atMost(Duration.ofSeconds(180)).until(() -> acked.size() > before);
        } catch (ConditionTimeoutException e) {
          throw new AssertionError(
              "no run acknowledged in round "
                  + round
                  + "; other answers: "
                  + refused
                  + "; submitters alive: "
                  + submitters.stream().filter(Thread::isAlive).count()
                  + "; gateway log tail: "
                  + log.subList(Math.max(0, log.size() - 40), log.size())
                  + "\ngateway threads:\n"
                  + threads(child),
              e);
        }
        Thread.sleep(
            random.nextInt(1500)); // a random moment once this round's runs are being answered
        child.kill();
        for (Thread t : submitters) {
          t.join();
        }
        child = GatewayChild.start(data, port, log, db);
      }
      try (GatewayChild last = child) {
        assertThat(acked)
            .as("runs answered 200; other answers: %s; gateway log: %s", refused, log)
            .hasSizeGreaterThanOrEqualTo(ROUNDS);
        List<String> lost =
            acked.stream()
                .filter(id -> gw.get("/api/v1/jobs/" + id + "/", token).status() != 200)
                .toList();
        assertThat(lost)
            .as("jobs answered 200 but gone after kill -9 (of %d)", acked.size())
            .isEmpty();
        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () ->
                    acked.stream()
                        .allMatch(
                            id -> terminal(gw.get("/api/v1/jobs/" + id + "/", token).json())));
        Map<String, Long> starts = starts(data);
        for (String id : acked) {
          JsonNode job = gw.get("/api/v1/jobs/" + id + "/", token).json();
          assertThat(job.get("status").asString())
              .as("job %s (%s)", id, job)
              .isEqualTo("SUCCEEDED");
          List<String> finals =
              gw.get("/api/v1/jobs/" + id + "/events/?type=STATUS_CHANGE", token)
                  .json()
                  .valueStream()
                  .map(e -> e.get("data").get("status").asString())
                  .filter(s -> terminal(s))
                  .toList();
          assertThat(finals).as("final statuses of %s", id).containsExactly("SUCCEEDED");
          assertThat(starts.get(id)).as("program starts of %s", id).isEqualTo(1);
          assertThat(
                  gw.get("/api/v1/jobs/" + id + "/result/", token).json().get("result").asString())
              .isEqualTo("{\"id\": \"" + id + "\"}");
        }
        assertThat(gw.get("/api/v1/jobs/?limit=1", token).json().get("count").asLong())
            .isGreaterThanOrEqualTo(acked.size());
      }
    }
  }

  /**
   * Runs jobs until the gateway stops answering (it was killed); keeps the ids it answered 200 for.
   * A 429 (the user's active jobs at their cap, when the machine is too loaded to drain the queue
   * at the submission rate) is waited out, not taken for the end of the round; so is a broken
   * connection while this round's gateway still runs (the client's pooled connection to the gateway
   * killed before, on the same port: the request never reached this one).
   */
  private static void submitUntilRefused(
      GatewayHarness gw,
      String token,
      int sleep,
      Queue<String> acked,
      Queue<String> refused,
      BooleanSupplier gatewayRuns) {
    while (true) {
      try {
        GatewayHarness.Answer a =
            gw.post(
                "/api/v1/programs/run/",
                token,
                Map.of("title", "crash", "arguments", "{\"tenths\": " + sleep + "}"));
        if (a.status() == 429) {
          Thread.sleep(200);
          continue;
        }
        if (a.status() != 200) {
          refused.add(a.status() + " " + a.body());
          return;
        }
        acked.add(a.json().get("id").asString());
        Thread.sleep(20 + sleep * 10); // ~40 runs/s in all: the queue drains between rounds
      } catch (UncheckedIOException e) {
        if (!gatewayRuns.getAsBoolean()) {
          return; // the connection broke because the gateway is gone
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException i) {
          Thread.currentThread().interrupt();
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The child gateway's thread dump, to tell a hung gateway from a slow one. */
  private static String threads(GatewayChild child) {
    try {
      Process p =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                  Long.toString(child.pid()),
                  "Thread.print")
              .redirectErrorStream(true)
              .start();
      return new String(p.getInputStream().readAllBytes());
    } catch (IOException e) {
      return "(no thread dump: " + e + ")";
    }
  }

  private static boolean terminal(JsonNode job) {
    return terminal(job.path("status").asString());
  }

  private static boolean terminal(String status) {
    return status.equals("SUCCEEDED") || status.equals("FAILED") || status.equals("STOPPED");
  }

  /** How many times each job's program started, from the lines the programs appended. */
  private static Map<String, Long> starts(Path data) throws IOException {
    try (Stream<Path> files = Files.walk(data.resolve("files"))) {
      Path file =
          files.filter(p -> p.getFileName().toString().equals("starts")).findFirst().orElseThrow();
      return Files.readAllLines(file).stream()
          .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
  }
}
