package io.qserverless.gateway.runner;

import java.time.Duration;

/**
 * The worker JVMs of a job, as its run config asks: how many start with it, the range an
 * auto-scaling job's driver keeps them in, and what each one is allotted.
 *
 * @param initial workers started with the job
 * @param min fewest workers (an auto-scaling driver removes idle ones down to it)
 * @param max most workers (an auto-scaling driver adds ones up to it while tasks wait)
 * @param each the allotment of every worker
 * @param idleTimeout how long an auto-scaling driver leaves a worker idle before removing it
 */
public record WorkerPlan(int initial, int min, int max, Allotment each, Duration idleTimeout) {
  /** A job without workers: its tasks run in its own JVM. */
  public static final WorkerPlan NONE = new WorkerPlan(0, 0, 0, Allotment.NONE, Duration.ZERO);

  public WorkerPlan {
    if (min < 0 || min > initial || initial > max) {
      throw new IllegalArgumentException(
          "workers need 0 <= min <= initial <= max, got " + min + " / " + initial + " / " + max);
    }
  }

  /** A job of a fixed number of workers. */
  public static WorkerPlan fixed(int workers, Allotment each) {
    return new WorkerPlan(workers, workers, workers, each, Duration.ZERO);
  }

  /** True when the job's JVMs form a cluster (workers now, or room to add some). */
  public boolean clustered() {
    return max > 0;
  }

  /** True when the driver adds and removes workers at run time. */
  public boolean scales() {
    return min < max;
  }
}
