package io.qserverless.gateway.job;

import io.qserverless.gateway.program.Launch;
import io.qserverless.gateway.runner.RunHandle;
import io.qserverless.gateway.store.Database;
import io.qserverless.protocol.JobStatus;
import io.qserverless.protocol.Json;
import io.qserverless.protocol.SubStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The jobs table (which is also the scheduler's queue) and the job events table.
 *
 * <p>Reads are public; every write takes the {@link Handle} of a transaction that {@link
 * JobLifecycle} opens, so that a transition, its event, the active-job count and the job's tokens
 * change together or not at all. Each transition is a conditional update ({@code WHERE status IN
 * (...)}): a stop racing a start or a finish never overwrites a final status, and the history
 * always matches the row.
 */
public final class JobRepository {
  private static final String COLUMNS =
      "id, seq, user_id, program_id, program_title, artifact, launch, env_vars, "
          + "status, sub_status, cpu, memory, timeout_ms, pid, pid_started, reason, stop_requested, created, updated, "
          + "started, finished, attempts";
  private static final String ACTIVE = StatusSets.sql(StatusSets.ACTIVE);
  private final Jdbi jdbi;

  public JobRepository(Database db) {
    this.jdbi = db.jdbi();
  }

  <T> T inTransaction(HandleCallback<T, RuntimeException> work) {
    return jdbi.inTransaction(work);
  }

  /**
   * Stores a new QUEUED job with its SUBMIT event, if its user has fewer than {@code activeLimit}
   * active jobs; false (and nothing written) otherwise. The count is a row of the user, so
   * concurrent inserts of one user wait for each other instead of both passing the limit.
   */
  boolean insert(Handle h, Job job, String arguments, String config, int activeLimit) {
    if (h.createUpdate(
                "UPDATE users SET active_jobs = active_jobs + 1 WHERE id = ? AND active_jobs < ?")
            .bind(0, job.userId())
            .bind(1, activeLimit)
            .execute()
        != 1) {
      return false;
    }
    h.createUpdate(
            "INSERT INTO jobs (id, user_id, program_id, program_title, artifact, launch, env_vars, status, "
                + "arguments, config, cpu, memory, timeout_ms, stop_requested, created, updated, attempts) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, '"
                + JobStatus.QUEUED.name()
                + "', ?, ?, ?, ?, ?, FALSE, ?, ?, 0)")
        .bind(0, job.id())
        .bind(1, job.userId())
        .bind(2, job.programId())
        .bind(3, job.programTitle())
        .bind(4, job.artifact())
        .bind(5, Json.MAPPER.writeValueAsString(job.launch()))
        .bind(6, job.envVars())
        .bind(7, arguments)
        .bind(8, config)
        .bind(9, job.cpu())
        .bind(10, job.memory())
        .bind(11, job.timeout().toMillis())
        .bind(12, job.created())
        .bind(13, job.created())
        .execute();
    event(
        h,
        job.id(),
        JobEvent.STATUS_CHANGE,
        "API",
        "SUBMIT",
        Map.of("status", JobStatus.QUEUED.name()));
    return true;
  }

  public Optional<Job> find(String id) {
    return jdbi.withHandle(h -> find(h, id));
  }

  Optional<Job> find(Handle h, String id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM jobs WHERE id = ?")
        .bind(0, id)
        .map(JobRepository::row)
        .findOne();
  }

  /** One page of a user's jobs, newest first, and the total count for the filter. */
  public JobPage page(long userId, JobFilter f, int limit, int offset) {
    StringBuilder where = new StringBuilder(" WHERE user_id = :user");
    Map<String, Object> binds = new LinkedHashMap<>(Map.of("user", userId));
    if (f.status() != null) {
      where.append(" AND status = :status");
      binds.put("status", f.status().name());
    }
    if (f.function() != null) {
      where.append(" AND program_title = :function");
      binds.put("function", f.function());
    }
    if (f.createdAfter() != null) {
      where.append(" AND created > :after");
      binds.put("after", f.createdAfter());
    }
    return jdbi.withHandle(
        h -> {
          long count =
              h.createQuery("SELECT COUNT(*) FROM jobs" + where)
                  .bindMap(binds)
                  .mapTo(Long.class)
                  .one();
          List<Job> jobs =
              h.createQuery(
                      "SELECT "
                          + COLUMNS
                          + " FROM jobs"
                          + where
                          + " ORDER BY seq DESC LIMIT :limit OFFSET :offset")
                  .bindMap(binds)
                  .bind("limit", limit)
                  .bind("offset", offset)
                  .map(JobRepository::row)
                  .list();
          return new JobPage(count, jobs);
        });
  }

  public String arguments(String id) {
    return text(id, "arguments");
  }

  /** The run config the job was submitted with (JSON text), or null. */
  public String config(String id) {
    return text(id, "config");
  }

  /** The result stored when the job ended, or null. */
  public String result(String id) {
    return text(id, "result");
  }

  /** Sets the sub-status of a job that has not ended; false when it has. */
  boolean setSubStatus(Handle h, String id, SubStatus sub) {
    int n =
        h.createUpdate(
                "UPDATE jobs SET sub_status = ?, updated = ? WHERE id = ? AND status IN ("
                    + ACTIVE
                    + ")")
            .bind(0, sub.name())
            .bind(1, OffsetDateTime.now())
            .bind(2, id)
            .execute();
    if (n == 1) {
      event(
          h,
          id,
          JobEvent.SUB_STATUS_CHANGE,
          "JOB",
          "SET_SUB_STATUS",
          Map.of("sub_status", sub.name()));
    }
    return n == 1;
  }

  /** QUEUED → PENDING: the scheduler has picked the job; counts one more attempt. */
  boolean claim(Handle h, Job job) {
    return move(
        h,
        job,
        "SCHEDULER",
        "START",
        JobStatus.PENDING,
        ", attempts = attempts + 1",
        List.of(),
        Set.of(JobStatus.QUEUED));
  }

  /** PENDING → RUNNING with the run that runs it. */
  boolean markRunning(Handle h, Job job, RunHandle run) {
    return move(
        h,
        job,
        "RUNNER",
        "START",
        JobStatus.RUNNING,
        ", pid = ?, pid_started = ?, started = ?",
        List.of(run.pid(), run.startedMillis(), OffsetDateTime.now()),
        Set.of(JobStatus.PENDING));
  }

  /** Started → QUEUED: the attempt never started the program (its gateway died first). */
  boolean requeue(Handle h, Job job) {
    return move(
        h,
        job,
        "SCHEDULER",
        "RECOVER",
        JobStatus.QUEUED,
        ", pid = NULL, pid_started = NULL, started = NULL",
        List.of(),
        StatusSets.STARTED);
  }

  /** QUEUED → STOPPED at once. */
  boolean stopQueued(Handle h, Job job, String reason) {
    return move(
        h,
        job,
        "API",
        "STOP",
        JobStatus.STOPPED,
        ", reason = ?, finished = ?",
        List.of(reason, OffsetDateTime.now()),
        Set.of(JobStatus.QUEUED));
  }

  /**
   * Records that a started job must stop; its runner ends the processes and the job finishes
   * STOPPED.
   */
  boolean requestStop(Handle h, String id, String reason) {
    return h.createUpdate(
                "UPDATE jobs SET stop_requested = TRUE, reason = ?, updated = ? "
                    + "WHERE id = ? AND status IN ("
                    + StatusSets.sql(StatusSets.STARTED)
                    + ") AND stop_requested = FALSE")
            .bind(0, reason)
            .bind(1, OffsetDateTime.now())
            .bind(2, id)
            .execute()
        == 1;
  }

  /** A started job ends: final status, reason, and its result (null for none). */
  boolean finish(Handle h, Job job, JobStatus status, String reason, String result) {
    List<Object> binds =
        new ArrayList<>(List.of(reason == null ? "" : reason, OffsetDateTime.now()));
    binds.add(result);
    return move(
        h,
        job,
        "RUNNER",
        "FINISH",
        status,
        ", sub_status = NULL, reason = ?, finished = ?, result = ?",
        binds,
        StatusSets.STARTED);
  }

  /** Jobs handed to a runner and not ended (PENDING or RUNNING), oldest first. */
  public List<Job> started() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM jobs WHERE status IN ("
                        + StatusSets.sql(StatusSets.STARTED)
                        + ") ORDER BY seq")
                .map(JobRepository::row)
                .list());
  }

  /** The oldest QUEUED job of each user that has one: the candidates of fair-share scheduling. */
  public List<Job> queuedHeads() {
    // One index probe per user (jobs_user_status), never a scan of the queue: the scheduler runs
    // this on every submit, and one user may have many thousands of jobs queued. Two steps,
    // because H2 scans the whole table for "seq IN (correlated subquery)".
    return jdbi.withHandle(
        h -> {
          List<Long> heads =
              h
                  .createQuery(
                      "SELECT (SELECT q.seq FROM jobs q WHERE q.user_id = u.id "
                          + "AND q.status = '"
                          + JobStatus.QUEUED.name()
                          + "' ORDER BY q.seq LIMIT 1) FROM users u WHERE u.active_jobs > 0")
                  .mapTo(Long.class)
                  .stream()
                  .filter(Objects::nonNull)
                  .toList();
          return heads.isEmpty()
              ? List.<Job>of()
              : h.createQuery(
                      "SELECT " + COLUMNS + " FROM jobs WHERE seq IN (<heads>) ORDER BY seq")
                  .bindList("heads", heads)
                  .map(JobRepository::row)
                  .list();
        });
  }

  public List<JobEvent> events(String id, String type) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT event_type, origin, context, data, created FROM job_events "
                        + "WHERE job_id = :id"
                        + (type == null ? "" : " AND event_type = :type")
                        + " ORDER BY id")
                .bind("id", id)
                .bind("type", type)
                .map(
                    (rs, ctx) ->
                        new JobEvent(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class)))
                .list());
  }

  private boolean move(
      Handle h,
      Job job,
      String origin,
      String context,
      JobStatus to,
      String set,
      List<Object> binds,
      Set<JobStatus> from) {
    var update =
        h.createUpdate(
            "UPDATE jobs SET status = ?, updated = ?"
                + set
                + " WHERE id = ? AND status IN ("
                + StatusSets.sql(from)
                + ")");
    update.bind(0, to.name()).bind(1, OffsetDateTime.now());
    for (int i = 0; i < binds.size(); i++) {
      update.bind(2 + i, binds.get(i));
    }
    if (update.bind(2 + binds.size(), job.id()).execute() != 1) {
      return false;
    }
    if (to.isTerminal()) { // every "from" set is active: the job leaves the user's active count
      h.createUpdate("UPDATE users SET active_jobs = active_jobs - 1 WHERE id = ?")
          .bind(0, job.userId())
          .execute();
    }
    event(h, job.id(), JobEvent.STATUS_CHANGE, origin, context, Map.of("status", to.name()));
    return true;
  }

  static void event(
      Handle h, String id, String type, String origin, String context, Map<String, ?> data) {
    h.createUpdate(
            "INSERT INTO job_events (job_id, event_type, origin, context, data, created) VALUES (?, ?, ?, ?, ?, ?)")
        .bind(0, id)
        .bind(1, type)
        .bind(2, origin)
        .bind(3, context)
        .bind(4, Json.MAPPER.writeValueAsString(data))
        .bind(5, OffsetDateTime.now())
        .execute();
  }

  private String text(String id, String column) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + column + " FROM jobs WHERE id = ?")
                .bind(0, id)
                .mapTo(String.class)
                .findOne()
                .orElse(null));
  }

  private static Job row(ResultSet rs, StatementContext ctx) throws SQLException {
    String sub = rs.getString(10);
    return new Job(
        rs.getString(1),
        rs.getLong(2),
        rs.getLong(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        Json.MAPPER.readValue(rs.getString(7), Launch.class),
        rs.getString(8),
        JobStatus.valueOf(rs.getString(9)),
        sub == null ? null : SubStatus.valueOf(sub),
        rs.getDouble(11),
        rs.getLong(12),
        Duration.ofMillis(rs.getLong(13)),
        (Long) rs.getObject(14, Long.class),
        rs.getObject(15, Long.class),
        rs.getString(16),
        rs.getBoolean(17),
        rs.getObject(18, OffsetDateTime.class),
        rs.getObject(19, OffsetDateTime.class),
        rs.getObject(20, OffsetDateTime.class),
        rs.getObject(21, OffsetDateTime.class),
        rs.getInt(22));
  }
}
