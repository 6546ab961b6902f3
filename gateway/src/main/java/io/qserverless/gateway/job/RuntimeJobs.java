package io.qserverless.gateway.job;

import io.qserverless.gateway.auth.Principal;
import io.qserverless.gateway.error.InvalidInputException;
import io.qserverless.gateway.error.TooLargeException;
import io.qserverless.gateway.store.Database;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The Qiskit Runtime jobs a job reports (its program's primitives ran them on IBM Quantum), so its
 * owner can find them: {@code GET/POST /api/v1/jobs/{id}/runtime_jobs/}, as the original's Python
 * client reads them ({@code job.runtime_jobs()}, {@code job.runtime_sessions()}) and its in-job
 * runtime service writes them. The owner and the job's own token may read and add; anyone else gets
 * the job's 404.
 */
public final class RuntimeJobs {
  /**
   * How many a job may report: more than any real program starts, few enough to bound the table.
   */
  static final int MAX_PER_JOB = 10_000;

  private static final int MAX_ID = 255;
  private final Jdbi jdbi;
  private final Jobs jobs;

  /** One reported Runtime job and the session it ran in (null when none). */
  public record RuntimeJob(String runtimeJob, String runtimeSession) {}

  public RuntimeJobs(Database db, Jobs jobs) {
    this.jdbi = db.jdbi();
    this.jobs = jobs;
  }

  public List<RuntimeJob> list(Principal who, String jobId) {
    jobs.get(who, jobId);
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT runtime_job, runtime_session FROM runtime_jobs WHERE job_id = ? ORDER BY id")
                .bind(0, jobId)
                .map((rs, ctx) -> new RuntimeJob(rs.getString(1), rs.getString(2)))
                .list());
  }

  public void add(Principal who, String jobId, String runtimeJob, String runtimeSession) {
    jobs.get(who, jobId);
    check("runtime_job", runtimeJob, false);
    check("runtime_session", runtimeSession, true);
    jdbi.useTransaction(
        h -> {
          int count =
              h.createQuery("SELECT COUNT(*) FROM runtime_jobs WHERE job_id = ?")
                  .bind(0, jobId)
                  .mapTo(Integer.class)
                  .one();
          if (count >= MAX_PER_JOB) {
            throw new TooLargeException(
                "Job "
                    + jobId
                    + " has already reported "
                    + MAX_PER_JOB
                    + " runtime jobs, the most one job may; report the ones that matter.");
          }
          h.createUpdate(
                  "INSERT INTO runtime_jobs (job_id, runtime_job, runtime_session, created) VALUES (?, ?, ?, ?)")
              .bind(0, jobId)
              .bind(1, runtimeJob)
              .bind(2, runtimeSession)
              .bind(3, OffsetDateTime.now())
              .execute();
        });
  }

  private static void check(String field, String value, boolean optional) {
    if (value == null && optional) {
      return;
    }
    if (value == null
        || value.isBlank()
        || value.length() > MAX_ID
        || value.chars().anyMatch(c -> c < 0x20)) {
      throw new InvalidInputException(
          "Field '"
              + field
              + "' must be a Qiskit Runtime id of 1 to "
              + MAX_ID
              + " printable characters"
              + (optional ? " (or null)" : "")
              + ", got "
              + value
              + ".");
    }
  }
}
