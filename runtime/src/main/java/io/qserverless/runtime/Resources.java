package io.qserverless.runtime;

/**
 * What a distributed task needs while it runs: cpu cores (fractional, e.g. 0.5), memory in bytes,
 * and gpus. The seed's {@code target={"cpu": 1, "mem": 2 * 1024 * 1024 * 1024}}.
 *
 * <p>A task starts only when its resources fit the job's free allotment; see {@link
 * Serverless#distribute(Resources, Task)}. Immutable.
 *
 * <pre>{@code
 * Resources.cpu(1)                          // one core
 * Resources.cpu(0.5).withMem(2L << 30)      // half a core and 2 GiB
 * }</pre>
 *
 * @param cpu cores, at least 0, in steps of 0.001
 * @param mem bytes, at least 0
 * @param gpu gpus, at least 0
 */
public record Resources(double cpu, long mem, int gpu) {
  /** One cpu core, no memory reservation, no gpu: what a task gets when it asks for nothing. */
  public static final Resources DEFAULT = new Resources(1, 0, 0);

  public Resources {
    if (!(cpu >= 0) || Double.isInfinite(cpu)) {
      throw new IllegalArgumentException("Resources.cpu must be a finite number >= 0, got " + cpu);
    }
    if (mem < 0) {
      throw new IllegalArgumentException("Resources.mem must be >= 0 bytes, got " + mem);
    }
    if (gpu < 0) {
      throw new IllegalArgumentException("Resources.gpu must be >= 0, got " + gpu);
    }
  }

  /** {@code cores} cpu cores, no memory reservation, no gpu. */
  public static Resources cpu(double cores) {
    return new Resources(cores, 0, 0);
  }

  public Resources withMem(long bytes) {
    return new Resources(cpu, bytes, gpu);
  }

  public Resources withGpu(int count) {
    return new Resources(cpu, mem, count);
  }

  /** Cores in thousandths, the unit the allotment ledger counts in (no floating-point drift). */
  public long milliCpu() {
    return Math.round(cpu * 1000);
  }

  @Override
  public String toString() {
    return "cpu=" + cpu + ", mem=" + mem + " bytes, gpu=" + gpu;
  }
}
