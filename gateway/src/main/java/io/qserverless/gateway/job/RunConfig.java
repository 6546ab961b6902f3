package io.qserverless.gateway.job;

import io.qserverless.gateway.config.GatewayConfig;
import io.qserverless.gateway.error.InvalidInputException;
import io.qserverless.gateway.runner.Allotment;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The validated {@code config} of a run: the worker fields of API.md, plus this gateway's per-job
 * resource request ({@code cpu}, {@code mem}), each worker's ({@code worker_cpu}, default 1; {@code
 * worker_mem}, default the job default memory) and {@code timeout} in seconds.
 *
 * <p>Unknown keys are refused rather than ignored, so a misspelt {@code "memory"} does not silently
 * run the job with the default allotment; so are the worker fields this gateway does not honour
 * (auto-scaling: {@code auto_scaling: true}, a {@code max_workers} or {@code min_workers} other
 * than {@code workers}), each with what to send instead.
 *
 * @param workers worker JVMs the job runs with (0: the job's tasks run in its own JVM)
 * @param worker what each worker is allotted
 */
record RunConfig(double cpu, long memory, Duration timeout, int workers, Allotment worker) {
  /** Each job's cluster gets a port range of its own; 32 workers keep it small. */
  static final int MAX_WORKERS = 32;

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
    int workers = workers(c);
    Allotment worker = new Allotment(1, node.jobMemoryBytes());
    if (workers > 0) {
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
      worker = new Allotment(workerCpu, memory("worker_mem", c.get("worker_mem"), node));
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
                + " workers of 'worker_cpu' "
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
    return new RunConfig(cpu, mem, timeout, workers, worker);
  }

  /**
   * The workers asked for, refusing what this gateway does not do (auto-scaling) rather than
   * ignoring it.
   */
  private static int workers(Map<String, Object> c) {
    int workers = c.get("workers") == null ? 0 : (Integer) c.get("workers");
    if (Boolean.TRUE.equals(c.get("auto_scaling"))) {
      throw new InvalidInputException(
          "Config field 'auto_scaling' is not supported: a job runs with a fixed number"
              + " of workers; send \"workers\": N without auto_scaling.");
    }
    for (String key : new String[] {"min_workers", "max_workers"}) {
      if (c.get(key) != null && (Integer) c.get(key) != workers) {
        throw new InvalidInputException(
            "Config field '"
                + key
                + "' ("
                + c.get(key)
                + ") must equal 'workers' ("
                + workers
                + "): a job runs with exactly its workers (no auto-scaling); leave it out.");
      }
    }
    if (workers > MAX_WORKERS) {
      throw new InvalidInputException(
          "Config field 'workers' must be at most " + MAX_WORKERS + ", got " + workers + ".");
    }
    if (workers == 0 && (c.get("worker_cpu") != null || c.get("worker_mem") != null)) {
      throw new InvalidInputException(
          "Config fields 'worker_cpu' and 'worker_mem' need \"workers\" > 0;"
              + " without workers, 'cpu' and 'mem' size the job.");
    }
    return workers;
  }

  /** The workers' allotments, one per worker: what the node reserves beside the job's own. */
  List<Allotment> workerAllotments() {
    return Collections.nCopies(workers, worker);
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
