package io.qserverless.gateway.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.qserverless.gateway.store.Database;
import io.qserverless.protocol.JobStatus;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's Prometheus metrics: jobs by status, queue wait, run time and HTTP latency.
 *
 * <p>Job counts by status come from the database at scrape time (it is the source of truth, also
 * across restarts); the timers are fed as jobs start and end and as requests complete.
 */
public final class GatewayMetrics {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Database db;
  private final Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
  private final Timer queueWait;
  private final Timer runTime;
  // Route timers by "METHOD route status": building a meter id per request costs more than the
  // lookup.
  private final Map<String, Timer> requests = new ConcurrentHashMap<>();

  public GatewayMetrics(Database db) {
    this.db = db;
    for (JobStatus s : JobStatus.values()) {
      Gauge.builder("qs_jobs", counts, c -> c.getOrDefault(s, 0L))
          .tag("status", s.name())
          .description("Jobs in each status")
          .register(registry);
    }
    queueWait =
        Timer.builder("qs_job_queue_wait")
            .description("Time from submit to start")
            .publishPercentileHistogram()
            .register(registry);
    runTime =
        Timer.builder("qs_job_run_time")
            .description("Time from start to end")
            .publishPercentileHistogram()
            .register(registry);
  }

  /** A job submitted at {@code created} has started now. */
  public void jobStarted(OffsetDateTime created) {
    queueWait.record(Duration.between(created, OffsetDateTime.now()));
  }

  /** A job that started at {@code started} (null if it never did) has ended now. */
  public void jobFinished(OffsetDateTime started) {
    if (started != null) {
      runTime.record(Duration.between(started, OffsetDateTime.now()));
    }
  }

  /**
   * Records one HTTP request's latency under its route template (not its path: ids would explode
   * the series).
   */
  public void request(String method, String route, int status, Duration took) {
    requests
        .computeIfAbsent(
            method + " " + route + " " + status,
            k ->
                Timer.builder("qs_http_requests")
                    .tag("method", method)
                    .tag("route", route)
                    .tag("status", Integer.toString(status))
                    .register(registry))
        .record(took);
  }

  /** The Prometheus text exposition, with job counts fresh from the database. */
  public synchronized String scrape() {
    counts.clear();
    db.jdbi()
        .useHandle(
            h ->
                h.createQuery("SELECT status, COUNT(*) FROM jobs GROUP BY status")
                    .map((rs, ctx) -> Map.entry(JobStatus.valueOf(rs.getString(1)), rs.getLong(2)))
                    .forEach(e -> counts.put(e.getKey(), e.getValue())));
    return registry.scrape();
  }
}
