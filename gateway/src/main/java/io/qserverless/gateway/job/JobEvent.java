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

  /** The event types there are, as the original's JobEventType. */
  public static final java.util.List<String> TYPES =
      java.util.List.of(ERROR, STATUS_CHANGE, SUB_STATUS_CHANGE);
}
