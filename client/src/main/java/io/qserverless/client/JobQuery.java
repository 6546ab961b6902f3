package io.qserverless.client;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which of the caller's jobs {@link ServerlessClient#jobs(JobQuery)} lists, newest first.
 *
 * <pre>
 * {@code client.jobs(JobQuery.first(20).withStatus("FAILED").withFunction("parallel-workflow"))}
 * </pre>
 *
 * @param limit at most this many, 1 to 1000 (default 10)
 * @param offset skip this many of the newest
 * @param status wire status (QUEUED, PENDING, RUNNING, SUCCEEDED, FAILED, STOPPED) or null for all
 * @param function a function title or null for all
 * @param createdAfter only jobs created after this instant, or null
 */
public record JobQuery(
    int limit, int offset, String status, String function, Instant createdAfter) {
  public static final JobQuery DEFAULT = first(10);

  public JobQuery {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("JobQuery.limit must be 1 to 1000, got " + limit);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("JobQuery.offset must be >= 0, got " + offset);
    }
  }

  /** The newest {@code limit} jobs. */
  public static JobQuery first(int limit) {
    return new JobQuery(limit, 0, null, null, null);
  }

  public JobQuery withOffset(int skip) {
    return new JobQuery(limit, skip, status, function, createdAfter);
  }

  public JobQuery withStatus(String wireStatus) {
    return new JobQuery(limit, offset, wireStatus, function, createdAfter);
  }

  public JobQuery withFunction(String title) {
    return new JobQuery(limit, offset, status, title, createdAfter);
  }

  public JobQuery createdAfter(Instant after) {
    return new JobQuery(limit, offset, status, function, after);
  }

  Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("limit", limit);
    p.put("offset", offset);
    p.put("status", status);
    p.put("function", function);
    p.put("created_after", createdAfter);
    return p;
  }
}
