package io.qserverless.gateway.job;

import io.qserverless.gateway.program.Launch;
import io.qserverless.gateway.store.Database;
import io.qserverless.protocol.JobStatus;
import io.qserverless.protocol.Json;
import io.qserverless.protocol.SubStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The jobs table (which is also the scheduler's queue) and the job events table.
 *
 * <p>Every status change is a conditional update ({@code WHERE status IN (...)}) written in one
 * transaction with its event row, so a stop racing a start or a finish never overwrites a final
 * status, and the history always matches the row.
 */
public final class JobRepository {
  private static final String COLUMNS = "id, seq, user_id, program_id, program_title, artifact, launch, env_vars, "
      + "status, sub_status, cpu, memory, timeout_ms, pid, pid_started, reason, stop_requested, created, updated, "
      + "started, finished";
  private final Jdbi jdbi;

  /** A filter for the job list; null fields do not filter. */
  public record Filter(JobStatus status, String function, OffsetDateTime createdAfter) {}

  public JobRepository(Database db) {
    this.jdbi = db.jdbi();
  }

  /** Stores a new QUEUED job with its SUBMIT event. */
  public Job insert(Job job, String arguments, String config) {
    return jdbi.inTransaction(h -> {
      h.createUpdate("INSERT INTO jobs (id, user_id, program_id, program_title, artifact, launch, env_vars, status, "
              + "arguments, config, cpu, memory, timeout_ms, stop_requested, created, updated) "
              + "VALUES (?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?, ?, FALSE, ?, ?)")
          .bind(0, job.id()).bind(1, job.userId()).bind(2, job.programId()).bind(3, job.programTitle())
          .bind(4, job.artifact()).bind(5, Json.MAPPER.writeValueAsString(job.launch())).bind(6, job.envVars())
          .bind(7, arguments).bind(8, config).bind(9, job.cpu()).bind(10, job.memory())
          .bind(11, job.timeout().toMillis()).bind(12, job.created()).bind(13, job.created()).execute();
      event(h, job.id(), JobEvent.STATUS_CHANGE, "API", "SUBMIT", Map.of("status", "QUEUED"));
      return one(h, job.id()).orElseThrow();
    });
  }

  public Optional<Job> find(String id) {
    return jdbi.withHandle(h -> one(h, id));
  }

  /** The user's queued and running jobs, counted up to {@code upTo} (the cost stays bounded by the limit checked). */
  public long countActive(long userId, int upTo) {
    return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM (SELECT 1 FROM jobs WHERE user_id = ? "
            + "AND status IN ('QUEUED', 'PENDING', 'RUNNING') LIMIT ?) active")
        .bind(0, userId).bind(1, upTo).mapTo(Long.class).one());
  }

  /** One page of a user's jobs, newest first, and the total count for the filter. */
  public Page page(long userId, Filter f, int limit, int offset) {
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
    return jdbi.withHandle(h -> {
      long count = h.createQuery("SELECT COUNT(*) FROM jobs" + where).bindMap(binds).mapTo(Long.class).one();
      List<Job> jobs = h.createQuery("SELECT " + COLUMNS + " FROM jobs" + where
              + " ORDER BY seq DESC LIMIT :limit OFFSET :offset")
          .bindMap(binds).bind("limit", limit).bind("offset", offset).map(JobRepository::row).list();
      return new Page(count, jobs);
    });
  }

  /** A page of jobs and the number of jobs matching the filter. */
  public record Page(long count, List<Job> jobs) {}

  public String arguments(String id) {
    return text(id, "arguments");
  }

  public String result(String id) {
    return text(id, "result");
  }

  public void setResult(String id, String result) {
    jdbi.useHandle(h -> h.createUpdate("UPDATE jobs SET result = ?, updated = ? WHERE id = ?")
        .bind(0, result).bind(1, OffsetDateTime.now()).bind(2, id).execute());
  }

  /** Sets the sub-status of a job that has not ended; false when it has. */
  public boolean setSubStatus(String id, SubStatus sub) {
    return jdbi.inTransaction(h -> {
      int n = h.createUpdate("UPDATE jobs SET sub_status = ?, updated = ? WHERE id = ? "
              + "AND status IN ('QUEUED', 'PENDING', 'RUNNING')")
          .bind(0, sub.name()).bind(1, OffsetDateTime.now()).bind(2, id).execute();
      if (n == 1) {
        event(h, id, JobEvent.SUB_STATUS_CHANGE, "JOB", "SET_SUB_STATUS", Map.of("sub_status", sub.name()));
      }
      return n == 1;
    });
  }

  /** QUEUED → PENDING: the scheduler has picked the job. */
  public boolean markPending(String id) {
    return move(id, "SCHEDULER", "START", JobStatus.PENDING, "", List.of(), JobStatus.QUEUED);
  }

  /** PENDING → RUNNING with the process that runs it. */
  public boolean markRunning(String id, long pid, long pidStarted) {
    return move(id, "RUNNER", "START", JobStatus.RUNNING, ", pid = ?, pid_started = ?, started = ?",
        List.of(pid, pidStarted, OffsetDateTime.now()), JobStatus.PENDING);
  }

  /** PENDING → QUEUED: the gateway died before it could start the job's process. */
  public boolean requeue(String id) {
    return move(id, "SCHEDULER", "RECOVER", JobStatus.QUEUED, "", List.of(), JobStatus.PENDING);
  }

  /** QUEUED → STOPPED at once. */
  public boolean stopQueued(String id, String reason) {
    return move(id, "API", "STOP", JobStatus.STOPPED, ", reason = ?, finished = ?",
        List.of(reason, OffsetDateTime.now()), JobStatus.QUEUED);
  }

  /** Records that a started job must stop; the runner ends its process and finishes it STOPPED. */
  public boolean requestStop(String id, String reason) {
    return jdbi.withHandle(h -> h.createUpdate("UPDATE jobs SET stop_requested = TRUE, reason = ?, updated = ? "
            + "WHERE id = ? AND status IN ('PENDING', 'RUNNING') AND stop_requested = FALSE")
        .bind(0, reason).bind(1, OffsetDateTime.now()).bind(2, id).execute()) == 1;
  }

  /** A started job ends: final status, reason, and the result when the process left one. */
  public boolean finish(String id, JobStatus status, String reason, String result) {
    List<Object> binds = new ArrayList<>(List.of(reason == null ? "" : reason, OffsetDateTime.now()));
    String set = ", sub_status = NULL, reason = ?, finished = ?";
    if (result != null) {
      set += ", result = ?";
      binds.add(result);
    }
    return move(id, "RUNNER", "FINISH", status, set, binds, JobStatus.PENDING, JobStatus.RUNNING);
  }

  /** Jobs the gateway believes started (PENDING or RUNNING), oldest first. */
  public List<Job> started() {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM jobs WHERE status IN ('PENDING', 'RUNNING') "
        + "ORDER BY seq").map(JobRepository::row).list());
  }

  /** The oldest QUEUED job of each user that has one: the candidates of fair-share scheduling. */
  public List<Job> queuedHeads() {
    // One index probe per user (jobs_user_status), never a scan of the queue: the scheduler runs
    // this on every submit, and one user may have many thousands of jobs queued. Two steps,
    // because H2 scans the whole table for "seq IN (correlated subquery)".
    return jdbi.withHandle(h -> {
      List<Long> heads = h.createQuery("SELECT (SELECT q.seq FROM jobs q WHERE q.user_id = u.id AND q.status = 'QUEUED' "
              + "ORDER BY q.seq LIMIT 1) FROM users u")
          .mapTo(Long.class).stream().filter(Objects::nonNull).toList();
      return heads.isEmpty() ? List.<Job>of() : h.createQuery("SELECT " + COLUMNS + " FROM jobs WHERE seq IN (<heads>) ORDER BY seq")
          .bindList("heads", heads).map(JobRepository::row).list();
    });
  }

  public void addEvent(String id, String type, String origin, String context, Map<String, ?> data) {
    jdbi.useHandle(h -> event(h, id, type, origin, context, data));
  }

  public List<JobEvent> events(String id, String type) {
    return jdbi.withHandle(h -> h.createQuery("SELECT event_type, origin, context, data, created FROM job_events "
            + "WHERE job_id = :id" + (type == null ? "" : " AND event_type = :type") + " ORDER BY id")
        .bind("id", id).bind("type", type)
        .map((rs, ctx) -> new JobEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getObject(5, OffsetDateTime.class)))
        .list());
  }

  private boolean move(String id, String origin, String context, JobStatus to, String set, List<Object> binds,
      JobStatus... from) {
    String fromList = Arrays.stream(from).map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
    return jdbi.inTransaction(h -> {
      var update = h.createUpdate("UPDATE jobs SET status = ?, updated = ?" + set
          + " WHERE id = ? AND status IN (" + fromList + ")");
      update.bind(0, to.name()).bind(1, OffsetDateTime.now());
      for (int i = 0; i < binds.size(); i++) {
        update.bind(2 + i, binds.get(i));
      }
      if (update.bind(2 + binds.size(), id).execute() != 1) {
        return false;
      }
      event(h, id, JobEvent.STATUS_CHANGE, origin, context, Map.of("status", to.name()));
      return true;
    });
  }

  private static void event(Handle h, String id, String type, String origin, String context, Map<String, ?> data) {
    h.createUpdate("INSERT INTO job_events (job_id, event_type, origin, context, data, created) VALUES (?, ?, ?, ?, ?, ?)")
        .bind(0, id).bind(1, type).bind(2, origin).bind(3, context).bind(4, Json.MAPPER.writeValueAsString(data))
        .bind(5, OffsetDateTime.now()).execute();
  }

  private String text(String id, String column) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + column + " FROM jobs WHERE id = ?")
        .bind(0, id).mapTo(String.class).findOne().orElse(null));
  }

  private static Optional<Job> one(Handle h, String id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM jobs WHERE id = ?").bind(0, id).map(JobRepository::row).findOne();
  }

  private static Job row(ResultSet rs, StatementContext ctx) throws SQLException {
    String sub = rs.getString(10);
    return new Job(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
        Json.MAPPER.readValue(rs.getString(7), Launch.class), rs.getString(8), JobStatus.valueOf(rs.getString(9)),
        sub == null ? null : SubStatus.valueOf(sub), rs.getDouble(11), rs.getLong(12),
        Duration.ofMillis(rs.getLong(13)), (Long) rs.getObject(14, Long.class), rs.getObject(15, Long.class),
        rs.getString(16), rs.getBoolean(17), rs.getObject(18, OffsetDateTime.class),
        rs.getObject(19, OffsetDateTime.class), rs.getObject(20, OffsetDateTime.class),
        rs.getObject(21, OffsetDateTime.class));
  }
}
