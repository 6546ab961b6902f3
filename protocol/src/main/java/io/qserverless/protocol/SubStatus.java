package io.qserverless.protocol;

/**
 * The stage a running program reports with {@code updateStatus}: shown as {@code RUNNING: <stage>}.
 *
 * <p>Two stages have a longer shown name than wire name (OPTIMIZING_HARDWARE shows as
 * OPTIMIZING_FOR_HARDWARE, WAITING_QPU as WAITING_FOR_QPU), as in Qiskit Serverless.
 */
public enum SubStatus {
  MAPPING("MAPPING"),
  OPTIMIZING_HARDWARE("OPTIMIZING_FOR_HARDWARE"),
  WAITING_QPU("WAITING_FOR_QPU"),
  EXECUTING_QPU("EXECUTING_QPU"),
  POST_PROCESSING("POST_PROCESSING");

  private final String shown;

  SubStatus(String shown) {
    this.shown = shown;
  }

  public String shown() {
    return shown;
  }

  /** The sub-status for a wire name, e.g. {@code "MAPPING"}; refuses unknown names. */
  public static SubStatus fromWire(String name) {
    for (SubStatus s : values()) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown sub_status '"
            + name
            + "': expected one of MAPPING, "
            + "OPTIMIZING_HARDWARE, WAITING_QPU, EXECUTING_QPU, POST_PROCESSING");
  }
}
