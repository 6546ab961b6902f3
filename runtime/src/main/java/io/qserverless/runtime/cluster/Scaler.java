package io.qserverless.runtime.cluster;

/**
 * What adds and removes the workers of an auto-scaling job ({@link Autoscaler} decides when): the
 * gateway under a gateway, {@link LocalWorkers} in a plain-java run.
 */
public interface Scaler {
  /**
   * Starts one more worker and answers its name ({@code worker-N}); throws with the reason when no
   * worker can be added now (e.g. the node has no capacity free).
   */
  String add(String reason);

  /** Ends an idle worker (the scheduler no longer places tasks on it). */
  void remove(String worker, String reason);
}
