package io.qserverless.quantum.primitives;

import java.util.UUID;

/**
 * The handle a primitive's {@code run} returns, as in Qiskit. Local primitives compute while {@code
 * run} executes (so bad input fails there, with its message); {@link #result()} returns at once.
 */
public final class PrimitiveJob<R> {
  private final R result;
  private String jobId;

  PrimitiveJob(R result) {
    this.result = result;
  }

  /** A random UUID, made on first use: SecureRandom costs more than sampling a tiny circuit. */
  public synchronized String jobId() {
    if (jobId == null) {
      jobId = UUID.randomUUID().toString();
    }
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
