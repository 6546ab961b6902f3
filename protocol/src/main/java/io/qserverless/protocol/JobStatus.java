package io.qserverless.protocol;

/**
 * A job's status as the REST API v1 sends it, and the name users see for it.
 *
 * <p>The wire names are those of the Qiskit Serverless gateway, so clients written for it keep
 * working; {@link #shown(SubStatus)} gives the names its SDK shows (QUEUED, INITIALIZING, RUNNING,
 * RUNNING: MAPPING, DONE, ERROR, CANCELED).
 */
public enum JobStatus {
  QUEUED("QUEUED"),
  PENDING("INITIALIZING"),
  RUNNING("RUNNING"),
  SUCCEEDED("DONE"),
  FAILED("ERROR"),
  STOPPED("CANCELED");

  private final String shown;

  JobStatus(String shown) {
    this.shown = shown;
  }

  /** True once the job can no longer change: SUCCEEDED, FAILED or STOPPED. */
  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED || this == STOPPED;
  }

  /** True while a program may still set a sub-status: QUEUED, PENDING or RUNNING. */
  public boolean acceptsSubStatus() {
    return !isTerminal();
  }

  /** The name users see; a sub-status shows only while RUNNING ({@code RUNNING: MAPPING}). */
  public String shown(SubStatus subStatus) {
    return this == RUNNING && subStatus != null ? shown + ": " + subStatus.shown() : shown;
  }

  /** The status for a wire name, e.g. {@code "SUCCEEDED"}; refuses unknown names. */
  public static JobStatus fromWire(String name) {
    for (JobStatus s : values()) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown job status '"
            + name
            + "': expected one of QUEUED, PENDING, RUNNING, SUCCEEDED, FAILED, STOPPED");
  }
}
