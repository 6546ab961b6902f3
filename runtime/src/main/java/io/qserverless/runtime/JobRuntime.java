package io.qserverless.runtime;

import io.qserverless.protocol.JobEnvironment;
import io.qserverless.protocol.SubStatus;
import io.qserverless.protocol.http.FilesApi;
import io.qserverless.protocol.http.GatewayHttp;
import io.qserverless.protocol.value.Values;
import io.qserverless.runtime.cluster.ClusterMember;
import io.qserverless.runtime.cluster.ClusterSettings;
import io.qserverless.runtime.cluster.LocalWorkers;
import io.qserverless.runtime.cluster.Scaler;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What {@link Serverless} does, for one job environment (the in-job contract of API.md).
 *
 * <p>Each part falls back on its own when its variable is missing, so that a program also runs with
 * plain {@code java} for debugging: arguments from {@code ARGUMENTS_PATH}, else the system property
 * {@code qs.arguments} or variable {@code QS_ARGUMENTS} (JSON text, or {@code @file}), else none;
 * the result to {@code RESULTS_PATH}, else printed on standard output at exit; statuses and errors
 * to the gateway, else to standard error; files through the gateway, else the local data directory
 * ({@code DATA_PATH}, else {@code ./data}).
 */
final class JobRuntime {
  static final String ARGUMENTS_PROPERTY = "qs.arguments";
  static final String ARGUMENTS_VARIABLE = "QS_ARGUMENTS";

  private final Map<String, String> env;
  private final String jobId;
  private final GatewayHttp gateway;
  private volatile TaskExecutor tasks;
  private final DataFiles files;
  private final AtomicReference<String> printedResult = new AtomicReference<>();
  private volatile Arguments arguments;

  JobRuntime(Map<String, String> env) {
    this.env = env;
    this.jobId = env.get(JobEnvironment.JOB_ID);
    String host = env.get(JobEnvironment.GATEWAY_HOST);
    this.gateway =
        jobId != null && host != null
            ? new GatewayHttp(
                host,
                env.get(JobEnvironment.GATEWAY_TOKEN),
                (status, message, cause) -> new ServerlessException(message, cause))
            : null;
    this.files =
        new DataFiles(
            Path.of(env.getOrDefault(JobEnvironment.DATA_PATH, "data")),
            gateway == null ? null : new FilesApi(gateway));
    if (env.containsKey(JobEnvironment.CLUSTER_NAME)
        && !env.containsKey(JobEnvironment.WORKER_INDEX)) {
      // The gateway started the job's workers with it: join them now, while the program reads its
      // arguments.
      Thread.ofPlatform().daemon().name("cluster-join").start(this::tasks);
    }
  }

  String jobId() {
    return jobId;
  }

  /**
   * Created on first use: reading the machine's memory loads JMX, which most jobs never need. A job
   * with workers joins its cluster and waits for them here (its first {@code distribute}). In a
   * worker JVM a task placed as soon as its member joined waits for {@link #useTasks}: starting a
   * cluster here would add a second member of this worker to the job's cluster.
   */
  TaskExecutor tasks() {
    TaskExecutor t = tasks;
    if (t == null) {
      synchronized (this) {
        while (tasks == null && env.containsKey(JobEnvironment.WORKER_INDEX)) {
          try {
            wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerlessException("interrupted while this worker joined the cluster", e);
          }
        }
        t = tasks;
        if (t == null) {
          t =
              tasks =
                  ClusterSettings.clustered(env)
                      ? startCluster(ClusterSettings.workersAsked(env))
                      : new LocalTaskExecutor(Allotment.fromEnvironment(env));
        }
      }
    }
    return t;
  }

  /** A worker JVM's tasks distribute through its own member. */
  synchronized void useTasks(TaskExecutor executor) {
    tasks = executor;
    notifyAll();
  }

  /**
   * Joins the job's cluster as its driver, with the job's allotment for the tasks placed here. A
   * gateway gives the cluster's secret and ports, starts the workers and adds or removes them when
   * the driver asks; without a gateway (plain {@code java}) this JVM starts its workers itself,
   * each with {@code QS_WORKER_CPU} cores (default 1), {@code QS_WORKER_MEMORY} bytes (default: an
   * equal share of the job's memory) and {@code QS_WORKER_GPU} gpus (default 0).
   */
  private TaskExecutor startCluster(int workers) {
    Resources allotment = Allotment.fromEnvironment(env);
    Resources worker = Allotment.ofWorker(env, allotment, workers);
    ClusterSettings settings;
    Scaler scaler;
    if (env.containsKey(JobEnvironment.CLUSTER_NAME)) {
      settings = ClusterSettings.fromEnvironment(env, workers, worker);
      scaler = new GatewayScaler(gateway, jobId);
    } else {
      settings = LocalWorkers.settings(env, worker);
      scaler = LocalWorkers.start(settings, worker);
    }
    ClusterMember member =
        ClusterMember.startDriver(settings, allotment, new ClusterLog(gateway, jobId), scaler);
    try {
      member.awaitWorkers();
    } catch (InterruptedException e) {
      member.close();
      Thread.currentThread().interrupt();
      throw new ServerlessException("interrupted while waiting for the job's workers to join", e);
    } catch (RuntimeException tooFew) {
      member.close(); // a later attempt must not find this member in its cluster
      throw tooFew;
    }
    return new ClusterTaskExecutor(member);
  }

  DataFiles files() {
    return files;
  }

  Arguments arguments() {
    Arguments a = arguments;
    if (a == null) {
      a = arguments = new Arguments(decodeArguments(argumentsText()));
    }
    return a;
  }

  void saveResult(Object value) {
    String json = Values.toJson(value);
    String path = env.get(JobEnvironment.RESULTS_PATH);
    if (path == null) {
      if (printedResult.getAndSet(json) == null) {
        Runtime.getRuntime()
            .addShutdownHook(
                Thread.ofPlatform().unstarted(() -> System.out.println(printedResult.get())));
      }
      return;
    }
    Path target = Path.of(path);
    try {
      Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), ".result-", ".tmp");
      Files.writeString(temp, json);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the result to " + target + " (RESULTS_PATH)", e);
    }
  }

  void updateStatus(SubStatus status) {
    if (gateway == null) {
      System.err.println("status: RUNNING: " + status.shown());
      return;
    }
    gateway.send(
        "PATCH", "api/v1/jobs/" + jobId + "/sub_status/", Map.of("sub_status", status.name()));
  }

  void sendError(String message, Throwable exception) {
    if (gateway == null) {
      System.err.println("error: " + message);
      if (exception != null) {
        exception.printStackTrace();
      }
      return;
    }
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", "ERROR");
    event.put("code", "PROGRAM_ERROR");
    event.put("message", message);
    // as the original's clients read an ERROR event: exception is the class name, the trace beside
    // it
    event.put("exception", exception == null ? "" : exception.getClass().getName());
    event.put("args", Map.of());
    event.put("traceback", exception == null ? "" : stackTrace(exception));
    gateway.send("POST", "api/v1/jobs/" + jobId + "/event/", event);
  }

  private String argumentsText() {
    String path = env.get(JobEnvironment.ARGUMENTS_PATH);
    if (path != null) {
      return read(Path.of(path), JobEnvironment.ARGUMENTS_PATH);
    }
    String given = System.getProperty(ARGUMENTS_PROPERTY, env.get(ARGUMENTS_VARIABLE));
    if (given == null || given.isBlank()) {
      return "{}";
    }
    return given.startsWith("@") ? read(Path.of(given.substring(1)), ARGUMENTS_PROPERTY) : given;
  }

  private static Map<String, Object> decodeArguments(String json) {
    Object decoded = Values.fromJson(json.isBlank() ? "{}" : json);
    if (!(decoded instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(
          "the job's arguments are not a JSON object but "
              + abbreviate(json)
              + ": run the job with an object such as {\"circuits\": [...]}");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> byName = (Map<String, Object>) map;
    return byName;
  }

  private static String read(Path path, String source) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the arguments file " + path + " (from " + source + ")", e);
    }
  }

  private static String stackTrace(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }
}
