package io.qserverless.gateway.runner;

/**
 * The share of the node one process of a job may use: cpu cores (fractional) and memory bytes.
 *
 * <p>The capacity ledger reserves a job's whole {@link LaunchSpec#total()}, the driver's and its
 * workers' together, for as long as the job holds the node.
 */
public record Allotment(double cpu, long memory) {
  public static final Allotment NONE = new Allotment(0, 0);

  public Allotment {
    if (!(cpu >= 0) || memory < 0) {
      throw new IllegalArgumentException(
          "an allotment needs cpu >= 0 and memory >= 0, got " + cpu + " / " + memory);
    }
  }

  public Allotment plus(Allotment o) {
    return new Allotment(cpu + o.cpu, memory + o.memory);
  }

  public Allotment minus(Allotment o) {
    return new Allotment(Math.max(0, cpu - o.cpu), Math.max(0, memory - o.memory));
  }

  /** True when {@code o} fits in this (cpu compared with a tolerance for fractional sums). */
  public boolean holds(Allotment o) {
    return o.cpu <= cpu + 1e-9 && o.memory <= memory;
  }
}
