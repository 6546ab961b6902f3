package io.qserverless.runtime;

import io.qserverless.protocol.SubStatus;
import java.util.List;

/**
 * The API a program uses inside a job: its arguments, its result, its status, distributed tasks,
 * files. A static facade, as Qiskit Serverless's module functions are.
 *
 * <pre>{@code
 * import static io.qserverless.runtime.Serverless.*;
 *
 * List<QuantumCircuit> circuits = arguments().getList("circuits", QuantumCircuit.class);
 * updateStatus(SubStatus.EXECUTING_QPU);
 * List<TaskRef<Map<String, Double>>> refs = new ArrayList<>();
 * for (QuantumCircuit c : circuits) {
 *   refs.add(distribute(Resources.cpu(1), () -> sample(c)));
 * }
 * saveResult(Map.of("results", get(refs)));
 * }</pre>
 *
 * <p>The job's environment (API.md, "In-job contract") is read on first use. Without it the program
 * runs locally for debugging: {@code java -Dqs.arguments=@args.json -cp ... MyProgram} prints the
 * result at exit.
 */
public final class Serverless {
  private Serverless() {}

  private static final class Job {
    static final JobRuntime RUNTIME = new JobRuntime(System.getenv());
  }

  /** The job's arguments, decoded (circuits as {@code QuantumCircuit}). */
  public static Arguments arguments() {
    return Job.RUNTIME.arguments();
  }

  /**
   * Saves {@code value} as the job's result: any JSON-able value (maps, lists, numbers, strings,
   * records, circuits, quasi-distributions). The last call wins. A value that cannot be encoded
   * throws {@link io.qserverless.protocol.value.ValueEncodingException} and keeps the previous
   * result.
   */
  public static void saveResult(Object value) {
    Job.RUNTIME.saveResult(value);
  }

  /** Shows the job as {@code RUNNING: <status>} (e.g. {@code RUNNING: MAPPING}). */
  public static void updateStatus(SubStatus status) {
    Job.RUNTIME.updateStatus(status);
  }

  /** Records an ERROR event on the job with {@code message}; the job goes on running. */
  public static void sendError(String message) {
    Job.RUNTIME.sendError(message, null);
  }

  /** Records an ERROR event on the job with {@code message} and the exception's stack trace. */
  public static void sendError(String message, Throwable exception) {
    Job.RUNTIME.sendError(message, exception);
  }

  /**
   * Starts {@code task} with {@link Resources#DEFAULT} (one cpu); see {@link #distribute(Resources,
   * Task)}.
   */
  public static <T> TaskRef<T> distribute(Task<T> task) {
    return distribute(Resources.DEFAULT, task);
  }

  /**
   * Starts {@code task} as soon as {@code resources} fit the job's free allotment and returns at
   * once. Throws {@link ResourcesExceededException} when they exceed the whole allotment.
   *
   * <p>When the job has workers, the task runs on a member of the job's cluster (the job's JVM or a
   * worker JVM) whose free allotment fits it; it throws {@link ResourcesExceededException} when no
   * member's whole allotment fits, and {@link IllegalArgumentException} naming the type when the
   * task captures a value that is not {@link java.io.Serializable}.
   */
  public static <T> TaskRef<T> distribute(Resources resources, Task<T> task) {
    return Job.RUNTIME.tasks().submit(resources, task);
  }

  /** Waits for the task; its exception comes back as the cause of a {@link TaskFailedException}. */
  public static <T> T get(TaskRef<T> ref) {
    return get(List.of(ref)).getFirst();
  }

  /** Waits for every task and returns their results in the order of {@code refs}. */
  public static <T> List<T> get(List<TaskRef<T>> refs) {
    return Job.RUNTIME.tasks().get(refs);
  }

  /** The owner's files for this function (DATA_PATH and the Files API). */
  public static DataFiles files() {
    return Job.RUNTIME.files();
  }

  /** The job's logger: what it logs goes to the job's log ({@code qs logs ID}). */
  public static System.Logger logger() {
    return System.getLogger("program");
  }

  /** The job's id, or null when running outside a gateway. */
  public static String jobId() {
    return Job.RUNTIME.jobId();
  }

  static JobRuntime runtime() {
    return Job.RUNTIME;
  }

  /**
   * The job's allotment: what its tasks share (with workers: the sum over the cluster's members).
   */
  public static Resources allotment() {
    return Job.RUNTIME.tasks().limit();
  }
}
