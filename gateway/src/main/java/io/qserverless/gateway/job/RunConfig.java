package io.qserverless.gateway.job;

import io.qserverless.gateway.config.GatewayConfig;
import io.qserverless.gateway.error.InvalidInputException;
import io.qserverless.gateway.runner.Allotment;
import io.qserverless.gateway.runner.WorkerPlan;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The validated {@code config} of a run: the worker fields of API.md ({@code workers}, {@code
 * min_workers}, {@code max_workers}, {@code auto_scaling}), plus this gateway's per-job resource
 * request ({@code cpu}, {@code mem}), each worker's ({@code worker_cpu}, default 1; {@code
 * worker_mem}, default the job default memory), an auto-scaling job's {@code worker_idle_timeout}
 * in seconds (default 60) and {@code timeout} in seconds.
 *
 * <p>Without {@code auto_scaling} a job runs with exactly {@code workers} workers ({@code
 * min_workers}/{@code max_workers} may only repeat it). With {@code auto_scaling: true} it starts
 * with {@code workers} (default {@code min_workers}, default 0) and its driver keeps between {@code
 * min_workers} and {@code max_workers} (required) as its tasks need.
 *
 * <p>Unknown keys are refused rather than ignored, so a misspelt {@code "memory"} does not silently
 * run the job with the default allotment; so is every combination that cannot mean one thing, each
 * with what to send instead.
 *
 * @param workers the job's worker JVMs ({@link WorkerPlan#NONE}: its tasks run in its own JVM)
 */
record RunConfig(double cpu, long memory, Duration timeout, WorkerPlan workers) {
  /** Each job's cluster gets a port range of its own; 32 workers keep it small. */
  static final int MAX_WORKERS = 32;

  /** Ray's and KubeRay's default idle timeout of a worker node. */
  static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

  private static final Set<String> KNOWN =
      Set.of(
          "workers",
          "min_workers",
          "max_workers",
          "auto_scaling",
          "cpu",
          "mem",
          "worker_cpu",
          "worker_mem",
          "worker_idle_timeout",
          "timeout");
  // A smaller share would let one node "fit" millions of jobs; a shorter timeout ends a JVM before
  // it starts.
  private static final double MIN_CPU = 0.01;
  private static final int MIN_TIMEOUT_SECONDS = 1;
  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)i?b?");

  static RunConfig of(Map<String, Object> config, GatewayConfig gw) {
    Map<String, Object> c = config == null ? Map.of() : config;
    for (String key : c.keySet()) {
      if (!KNOWN.contains(key)) {
        throw new InvalidInputException(
            "Unknown config field '"
                + key
                + "'; known fields are "
                + KNOWN.stream().sorted().toList()
                + ".");
      }
    }
    for (String key : new String[] {"workers", "min_workers", "max_workers"}) {
      if (c.get(key) != null && !(c.get(key) instanceof Integer i && i >= 0)) {
        throw new InvalidInputException(
            "Config field '" + key + "' must be a whole number >= 0, got " + c.get(key) + ".");
      }
    }
    if (c.get("auto_scaling") != null && !(c.get("auto_scaling") instanceof Boolean)) {
      throw new InvalidInputException(
          "Config field 'auto_scaling' must be true or false, got " + c.get("auto_scaling") + ".");
    }
    GatewayConfig.Node node = gw.node();
    double cpu = c.get("cpu") == null ? node.jobCpus() : number("cpu", c.get("cpu"));
    if (!(cpu >= MIN_CPU) || cpu > node.cpus()) {
      throw new InvalidInputException(
          "Config field 'cpu' must be between "
              + MIN_CPU
              + " and this node's "
              + node.cpus()
              + " cpus, got "
              + c.get("cpu")
              + ".");
    }
    long mem = memory("mem", c.get("mem"), node);
    WorkerPlan plan = plan(c);
    int workers = plan.initial();
    if (plan.clustered()) {
      double workerCpu =
          c.get("worker_cpu") == null ? 1 : number("worker_cpu", c.get("worker_cpu"));
      if (!(workerCpu >= MIN_CPU)) {
        throw new InvalidInputException(
            "Config field 'worker_cpu' must be at least "
                + MIN_CPU
                + ", got "
                + c.get("worker_cpu")
                + ".");
      }
      Allotment worker = new Allotment(workerCpu, memory("worker_mem", c.get("worker_mem"), node));
      plan = new WorkerPlan(plan.initial(), plan.min(), plan.max(), worker, plan.idleTimeout());
      Allotment total =
          new Allotment(cpu + workers * worker.cpu(), mem + workers * worker.memory());
      if (!new Allotment(node.cpus(), node.memoryBytes()).holds(total)) {
        throw new InvalidInputException(
            "The job asks cpu "
                + total.cpu()
                + " and "
                + (total.memory() >> 20)
                + " MiB in all (its own 'cpu'/'mem' plus "
                + workers
                + " workers to start with, of 'worker_cpu' "
                + worker.cpu()
                + " and "
                + (worker.memory() >> 20)
                + " MiB), more than this node's "
                + node.cpus()
                + " cpus and "
                + (node.memoryBytes() >> 20)
                + " MiB, so it could never start; ask for fewer or smaller workers.");
      }
    }
    Duration max = gw.limits().jobTimeout();
    Duration timeout = max;
    if (c.get("timeout") != null) {
      double s = number("timeout", c.get("timeout"));
      if (!(s >= MIN_TIMEOUT_SECONDS) || s > max.toSeconds()) {
        throw new InvalidInputException(
            "Config field 'timeout' must be seconds in ["
                + MIN_TIMEOUT_SECONDS
                + ", "
                + max.toSeconds()
                + "], got "
                + c.get("timeout")
                + ".");
      }
      timeout = Duration.ofMillis((long) (s * 1000));
    }
    return new RunConfig(cpu, mem, timeout, plan);
  }

  /**
   * The workers asked for (each one's allotment still the default): a fixed number, or with {@code
   * auto_scaling} a range; every combination that does not mean one thing is refused.
   */
  private static WorkerPlan plan(Map<String, Object> c) {
    Integer workers = (Integer) c.get("workers");
    Integer min = (Integer) c.get("min_workers");
    Integer max = (Integer) c.get("max_workers");
    boolean scaling = Boolean.TRUE.equals(c.get("auto_scaling"));
    for (String key : new String[] {"workers", "min_workers", "max_workers"}) {
      if (c.get(key) != null && (Integer) c.get(key) > MAX_WORKERS) {
        throw new InvalidInputException(
            "Config field '"
                + key
                + "' must be at most "
                + MAX_WORKERS
                + " (this gateway's limit of workers per job), got "
                + c.get(key)
                + ".");
      }
    }
    WorkerPlan plan;
    if (!scaling) {
      int n = workers == null ? 0 : workers;
      for (String key : new String[] {"min_workers", "max_workers"}) {
        if (c.get(key) != null && (Integer) c.get(key) != n) {
          throw new InvalidInputException(
              "Config field '"
                  + key
                  + "' ("
                  + c.get(key)
                  + ") must equal 'workers' ("
                  + n
                  + ") without auto-scaling, where a job runs with exactly its workers; send"
                  + " \"auto_scaling\": true to scale between min_workers and max_workers, or"
                  + " leave it out.");
        }
      }
      if (c.get("worker_idle_timeout") != null) {
        throw new InvalidInputException(
            "Config field 'worker_idle_timeout' needs \"auto_scaling\": true; without it a job"
                + " keeps its workers to the end.");
      }
      plan = WorkerPlan.fixed(n, Allotment.NONE);
    } else {
      if (max == null) {
        throw new InvalidInputException(
            "Config field 'max_workers' is needed with \"auto_scaling\": true: the most workers"
                + " the job may grow to (1 to "
                + MAX_WORKERS
                + ").");
      }
      int low = min == null ? 0 : min;
      if (low > max) {
        throw new InvalidInputException(
            "Config field 'min_workers' ("
                + low
                + ") must be at most 'max_workers' ("
                + max
                + ").");
      }
      int start = workers == null ? low : workers;
      if (start < low || start > max) {
        throw new InvalidInputException(
            "Config field 'workers' ("
                + start
                + "), the workers the job starts with, must be between 'min_workers' ("
                + low
                + ") and 'max_workers' ("
                + max
                + "); leave it out to start with min_workers.");
      }
      plan = new WorkerPlan(start, low, max, Allotment.NONE, idleTimeout(c));
    }
    if (!plan.clustered() && (c.get("worker_cpu") != null || c.get("worker_mem") != null)) {
      throw new InvalidInputException(
          "Config fields 'worker_cpu' and 'worker_mem' need \"workers\" > 0 (or"
              + " \"max_workers\" > 0 with auto_scaling); without workers, 'cpu' and 'mem' size"
              + " the job.");
    }
    return plan;
  }

  private static Duration idleTimeout(Map<String, Object> c) {
    if (c.get("worker_idle_timeout") == null) {
      return IDLE_TIMEOUT;
    }
    double s = number("worker_idle_timeout", c.get("worker_idle_timeout"));
    if (!(s >= MIN_TIMEOUT_SECONDS) || s > 24 * 3600) {
      throw new InvalidInputException(
          "Config field 'worker_idle_timeout' must be seconds in ["
              + MIN_TIMEOUT_SECONDS
              + ", 86400], got "
              + c.get("worker_idle_timeout")
              + ".");
    }
    return Duration.ofMillis((long) (s * 1000));
  }

  private static long memory(String key, Object given, GatewayConfig.Node node) {
    long mem = given == null ? node.jobMemoryBytes() : bytes(key, given);
    if (mem < 32L << 20 || mem > node.memoryBytes()) {
      throw new InvalidInputException(
          "Config field '"
              + key
              + "' must be between 32 MiB and this node's "
              + (node.memoryBytes() >> 20)
              + " MiB (bytes, or text like \"2g\"), got "
              + given
              + ".");
    }
    return mem;
  }

  private static double number(String key, Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw new InvalidInputException("Config field '" + key + "' must be a number, got " + v + ".");
  }

  private static long bytes(String key, Object v) {
    if (v instanceof Number n) {
      return n.longValue();
    }
    Matcher m = SIZE.matcher(String.valueOf(v).trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new InvalidInputException(
          "Config field '"
              + key
              + "' must be bytes or text like \"512m\" or \"2g\", got "
              + v
              + ".");
    }
    int shift =
        switch (m.group(2)) {
          case "k" -> 10;
          case "m" -> 20;
          case "g" -> 30;
          case "t" -> 40;
          default -> 0;
        };
    return (long) (Double.parseDouble(m.group(1)) * (1L << shift));
  }
}
