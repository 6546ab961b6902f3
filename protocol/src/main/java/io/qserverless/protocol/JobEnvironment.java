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
  /** The job-scoped token: touches only this job and its owner's files; revoked when the job ends. */
  public static final String GATEWAY_TOKEN = "ENV_JOB_GATEWAY_TOKEN";
  public static final String JOB_ID = "ENV_JOB_ID_GATEWAY";
  /** File holding the arguments JSON text. */
  public static final String ARGUMENTS_PATH = "ARGUMENTS_PATH";
  /** File the program writes its result JSON text to; the last write wins. */
  public static final String RESULTS_PATH = "RESULTS_PATH";
  /** Directory of the owner's files for this function (the same files as the Files API). */
  public static final String DATA_PATH = "DATA_PATH";
  /** Cores the job's tasks share (its allotment; fractional allowed); default: the cores the JVM sees. */
  public static final String JOB_CPU = "QS_JOB_CPU";
  /** Bytes of memory the job's tasks share; default: the machine's physical memory. */
  public static final String JOB_MEMORY = "QS_JOB_MEMORY";
  /** Gpus the job's tasks share; default: none. */
  public static final String JOB_GPU = "QS_JOB_GPU";

  private JobEnvironment() {}
}
