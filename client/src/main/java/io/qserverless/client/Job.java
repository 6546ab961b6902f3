package io.qserverless.client;

import io.qserverless.protocol.JobStatus;
import io.qserverless.protocol.http.GatewayHttp;
import io.qserverless.protocol.value.Values;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One run of a function on the gateway. {@link #id()} needs no network; every other call asks the
 * gateway.
 *
 * <pre>{@code
 * Job job = client.run("parallel-workflow", Map.of("circuits", circuits));
 * System.out.println(job.status());          // QUEUED, INITIALIZING, RUNNING: MAPPING, DONE...
 * Map<?, ?> result = (Map<?, ?>) job.result(); // waits; throws JobFailedException on ERROR
 * }</pre>
 *
 * <p>Thread-safe: the last seen state is a volatile snapshot.
 */
public final class Job {
  /**
   * Polling starts at 10 ms (a short job finishes in about a second) and doubles up to 100 ms for
   * the first 10 s, so a result is seen at most 0.1 s late; longer waits back off to 500 ms.
   */
  private static final long FAST_POLL_MILLIS = 100;

  private static final long SLOW_POLL_MILLIS = 500;
  private static final long FAST_PHASE_NANOS = 10_000_000_000L;

  private final GatewayHttp http;
  private final String id;
  private volatile JobInfo lastInfo;

  Job(GatewayHttp http, JobInfo info) {
    this.http = http;
    this.id = info.id();
    this.lastInfo = info;
  }

  public String id() {
    return id;
  }

  /** The state seen by the last call (or the listing this job came from); no network. */
  public JobInfo lastInfo() {
    return lastInfo;
  }

  /** The job's state now. */
  public JobInfo info() {
    JobInfo info = JobInfo.fromJson(http.get(path("")));
    lastInfo = info;
    return info;
  }

  /**
   * The status as users see it: QUEUED, INITIALIZING, RUNNING, RUNNING: MAPPING, DONE, ERROR,
   * CANCELED.
   */
  public String status() {
    return info().shown();
  }

  /** True once the job is DONE, ERROR or CANCELED. */
  public boolean inTerminalState() {
    return info().status().isTerminal();
  }

  /**
   * Waits for the job to end and returns its result, decoded (circuits as QuantumCircuit); null if
   * it saved none.
   */
  public Object result() {
    return result(null);
  }

  /**
   * Waits at most {@code timeout} (null: no limit) for the job to end and returns its result.
   *
   * @throws JobFailedException the job ended in ERROR (with its error message) or CANCELED
   * @throws JobTimeoutException the job had not ended in time
   */
  public Object result(Duration timeout) {
    JobInfo end = await(timeout);
    if (end.status() == JobStatus.FAILED) {
      throw new JobFailedException(end.shown(), "job " + id + " failed: " + errorMessage());
    }
    if (end.status() == JobStatus.STOPPED) {
      throw new JobFailedException(end.shown(), "job " + id + " was canceled before it finished");
    }
    JsonNode body = http.get(path("result/"));
    JsonNode result = body == null ? null : body.get("result");
    return result == null || result.isNull() ? null : Values.fromJson(result.asString());
  }

  /** Waits for the job to end and returns its final state. */
  public JobInfo await(Duration timeout) {
    long start = System.nanoTime();
    long deadline = timeout == null ? Long.MAX_VALUE : start + timeout.toNanos();
    long pause = 10;
    while (true) {
      JobInfo info = info();
      if (info.status().isTerminal()) {
        return info;
      }
      if (System.nanoTime() >= deadline) {
        throw new JobTimeoutException(
            "job "
                + id
                + " is still "
                + info.shown()
                + " after "
                + timeout
                + ": wait longer, or stop it with job.stop()");
      }
      sleep(Math.min(pause, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
      pause =
          Math.min(
              System.nanoTime() - start < FAST_PHASE_NANOS ? FAST_POLL_MILLIS : SLOW_POLL_MILLIS,
              pause * 2);
    }
  }

  /** The job's log so far (also while it runs); empty when there is none yet. */
  public String logs() {
    JsonNode body = http.get(path("logs/"));
    return body == null ? "" : body.path("logs").asString("");
  }

  /** Asks the gateway to stop the job; returns its message. Stopping a finished job is harmless. */
  public String stop() {
    JsonNode body = http.send("POST", path("stop/"), null);
    return body == null ? "" : body.path("message").asString("");
  }

  /** The job's history: status changes and errors, oldest first. */
  public List<JobEvent> events() {
    JsonNode body = http.get(path("events/"));
    List<JobEvent> events = new ArrayList<>();
    if (body != null) {
      body.forEach(e -> events.add(JobEvent.fromJson(e)));
    }
    return events;
  }

  /** The message of the job's last ERROR event, or null when it has none. */
  public String errorMessage() {
    JsonNode body = http.get(GatewayHttp.query(path("events/"), Map.of("type", "ERROR")));
    String message = null;
    if (body != null) {
      for (JsonNode e : body) {
        JobEvent event = JobEvent.fromJson(e);
        if ("ERROR".equals(event.type()) && event.message() != null) {
          message = event.message();
        }
      }
    }
    return message;
  }

  @Override
  public String toString() {
    return "Job[" + id + "]";
  }

  private String path(String rest) {
    return "api/v1/jobs/" + id + "/" + rest;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JobTimeoutException("interrupted while waiting for the job");
    }
  }
}
