package io.qserverless.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a job runs (the {@code config} of {@code POST /programs/run/}): its allotment (cpu cores,
 * memory bytes), its timeout, and the worker fields of API.md. Unset fields take the gateway's
 * defaults. Immutable; each {@code with...} refuses an impossible value at once.
 *
 * <pre>{@code RunConfig.DEFAULT.withCpu(2).withMem(4L << 30).withTimeout(Duration.ofMinutes(10))}
 * </pre>
 */
public final class RunConfig {
  /** Nothing set: the gateway's defaults. */
  public static final RunConfig DEFAULT = new RunConfig(Map.of());

  private final Map<String, Object> fields;

  private RunConfig(Map<String, Object> fields) {
    this.fields = Map.copyOf(fields);
  }

  /** Cores the job's tasks share, e.g. 2 or 0.5 (&gt; 0). */
  public RunConfig withCpu(double cores) {
    if (!(cores > 0) || Double.isInfinite(cores)) {
      throw new IllegalArgumentException("RunConfig cpu must be a number > 0, got " + cores);
    }
    return with("cpu", cores);
  }

  /** Memory of the job in bytes (the gateway asks at least 32 MiB). */
  public RunConfig withMem(long bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("RunConfig mem must be > 0 bytes, got " + bytes);
    }
    return with("mem", bytes);
  }

  /** How long the job may run before the gateway stops it. */
  public RunConfig withTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("RunConfig timeout must be positive, got " + timeout);
    }
    return with("timeout", timeout.toMillis() / 1000.0);
  }

  /**
   * Worker JVMs for the job's tasks (one private Hazelcast cluster per job); 0 runs tasks in the
   * job's own JVM. The node reserves the job's allotment plus each worker's.
   */
  public RunConfig withWorkers(int workers) {
    if (workers < 0) {
      throw new IllegalArgumentException("RunConfig workers must be >= 0, got " + workers);
    }
    return with("workers", workers);
  }

  /**
   * Auto-scaling: the job starts with {@code minWorkers} workers (or {@link #withWorkers}) and its
   * driver adds workers while tasks wait that fit no free member, up to {@code maxWorkers}, and
   * removes idle ones down to {@code minWorkers} (docs/api.md, "Run config").
   */
  public RunConfig withAutoScaling(int minWorkers, int maxWorkers) {
    if (minWorkers < 0 || minWorkers > maxWorkers) {
      throw new IllegalArgumentException(
          "RunConfig auto-scaling needs 0 <= min workers <= max workers, got "
              + minWorkers
              + " and "
              + maxWorkers);
    }
    return with("auto_scaling", true)
        .with("min_workers", minWorkers)
        .with("max_workers", maxWorkers);
  }

  /** How long an auto-scaling job's worker may run no task before it is removed (default 60 s). */
  public RunConfig withWorkerIdleTimeout(Duration idle) {
    if (idle.isNegative() || idle.isZero()) {
      throw new IllegalArgumentException(
          "RunConfig worker idle timeout must be positive, got " + idle);
    }
    return with("worker_idle_timeout", idle.toMillis() / 1000.0);
  }

  /**
   * Cores of each worker (default 1): what its tasks share, as {@link #withCpu} is for the job's
   * own JVM.
   */
  public RunConfig withWorkerCpu(double cores) {
    if (!(cores > 0) || Double.isInfinite(cores)) {
      throw new IllegalArgumentException("RunConfig worker cpu must be a number > 0, got " + cores);
    }
    return with("worker_cpu", cores);
  }

  /** Memory of each worker in bytes (default: the gateway's job default memory). */
  public RunConfig withWorkerMem(long bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("RunConfig worker mem must be > 0 bytes, got " + bytes);
    }
    return with("worker_mem", bytes);
  }

  /** The JSON object sent as {@code config}. */
  Map<String, Object> toJson() {
    return fields;
  }

  private RunConfig with(String key, Object value) {
    Map<String, Object> next = new LinkedHashMap<>(fields);
    next.put(key, value);
    return new RunConfig(next);
  }

  @Override
  public String toString() {
    return "RunConfig" + fields;
  }
}
