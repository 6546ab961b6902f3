package io.qserverless.quantum.primitives;

import java.util.UUID;

/**
 * The handle a primitive's {@code run} returns, as in Qiskit. Local primitives compute while
 * {@code run} executes (so bad input fails there, with its message); {@link #result()} returns at once.
 */
public final class PrimitiveJob<R> {
  private final String jobId = UUID.randomUUID().toString();
  private final R result;

  PrimitiveJob(R result) {
    this.result = result;
  }

  public String jobId() {
    return jobId;
  }

  public R result() {
    return result;
  }

  /** Always {@code DONE}: the work finished inside run. */
  public String status() {
    return "DONE";
  }
}
