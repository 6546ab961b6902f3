package io.qserverless.gateway.job;

import java.time.OffsetDateTime;

/**
 * One row of a job's history: a status or sub-status change, or an error.
 *
 * @param data JSON object text (e.g. {@code {"status": "RUNNING"}})
 */
public record JobEvent(
    String eventType, String origin, String context, String data, OffsetDateTime created) {
  public static final String STATUS_CHANGE = "STATUS_CHANGE";
  public static final String SUB_STATUS_CHANGE = "SUB_STATUS_CHANGE";
  public static final String ERROR = "ERROR";

  /** A worker joined the job's cluster (recorded by its driver, with why it was there). */
  public static final String WORKER_JOINED = "WORKER_JOINED";

  /** A worker left the job's cluster (recorded by its driver, with why). */
  public static final String WORKER_LEFT = "WORKER_LEFT";

  /** The node had no capacity for a worker an auto-scaling job asked for. */
  public static final String WORKER_NOT_ADDED = "WORKER_NOT_ADDED";

  /** The event types there are: the original's JobEventType, then the workers' events. */
  public static final java.util.List<String> TYPES =
      java.util.List.of(
          ERROR, STATUS_CHANGE, SUB_STATUS_CHANGE, WORKER_JOINED, WORKER_LEFT, WORKER_NOT_ADDED);
}
