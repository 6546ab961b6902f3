package io.qserverless.protocol;

/**
 * Names of the environment variables a job process receives (API.md, "In-job contract").
 *
 * <p>A program in any language that reads these runs on the platform; the Java runtime API is one
 * reader of them.
 */
public final class JobEnvironment {
  /** Gateway base URL, e.g. {@code http://127.0.0.1:8000}. */
  public static final String GATEWAY_HOST = "ENV_JOB_GATEWAY_HOST";

  /**
   * The job-scoped token: touches only this job and its owner's files; revoked when the job ends.
   */
  public static final String GATEWAY_TOKEN = "ENV_JOB_GATEWAY_TOKEN";

  public static final String JOB_ID = "ENV_JOB_ID_GATEWAY";

  /** File holding the arguments JSON text. */
  public static final String ARGUMENTS_PATH = "ARGUMENTS_PATH";

  /** File the program writes its result JSON text to; the last write wins. */
  public static final String RESULTS_PATH = "RESULTS_PATH";

  /** Directory of the owner's files for this function (the same files as the Files API). */
  public static final String DATA_PATH = "DATA_PATH";

  /**
   * Cores the job's tasks share (its allotment; fractional allowed); default: the cores the JVM
   * sees.
   */
  public static final String JOB_CPU = "QS_JOB_CPU";

  /** Bytes of memory the job's tasks share; default: the machine's physical memory. */
  public static final String JOB_MEMORY = "QS_JOB_MEMORY";

  /** Gpus the job's tasks share; default: none. */
  public static final String JOB_GPU = "QS_JOB_GPU";

  // A job with workers: its JVMs form one private Hazelcast cluster (docs/operations.md).
  /** Worker JVMs the job's JVM (the driver) waits for before placing tasks; 0 or unset: none. */
  public static final String WORKERS = "QS_WORKERS";

  /**
   * Fewest workers: the driver goes on when at least these have joined in time (default: all of
   * {@link #WORKERS}); an auto-scaling driver never removes workers below it.
   */
  public static final String MIN_WORKERS = "QS_MIN_WORKERS";

  /**
   * Most workers: above {@link #WORKERS}, the driver asks for more workers while tasks wait that
   * fit no free member (auto-scaling); default: {@link #WORKERS} (a fixed cluster).
   */
  public static final String MAX_WORKERS = "QS_MAX_WORKERS";

  /**
   * Seconds an auto-scaling driver leaves a worker idle (no task running) before it removes it,
   * while more than {@link #MIN_WORKERS} run; default 60.
   */
  public static final String WORKER_IDLE_SECONDS = "QS_WORKER_IDLE_SECONDS";

  /** Cores of each worker (what a worker added by auto-scaling brings); default 1. */
  public static final String WORKER_CPU = "QS_WORKER_CPU";

  /** Bytes of memory of each worker. */
  public static final String WORKER_MEMORY = "QS_WORKER_MEMORY";

  /** Gpus of each worker; default 0. */
  public static final String WORKER_GPU = "QS_WORKER_GPU";

  /**
   * The cluster's name: a random secret a member must present to join. Unset: the driver starts
   * local workers itself.
   */
  public static final String CLUSTER_NAME = "QS_CLUSTER_NAME";

  /** Ports the job's members bind, {@code first-last}, e.g. {@code 41200-41204}. */
  public static final String CLUSTER_PORTS = "QS_CLUSTER_PORTS";

  /** Address the members bind and join on; default {@code 127.0.0.1}. */
  public static final String CLUSTER_HOST = "QS_CLUSTER_HOST";

  /**
   * Join list for members on several hosts, {@code host:port,...}; default: every port of
   * CLUSTER_PORTS on CLUSTER_HOST.
   */
  public static final String CLUSTER_MEMBERS = "QS_CLUSTER_MEMBERS";

  /**
   * Set in a worker JVM only: its number, from 1, shown as {@code [worker-N]} before its output
   * lines.
   */
  public static final String WORKER_INDEX = "QS_WORKER_INDEX";

  private JobEnvironment() {}
}
