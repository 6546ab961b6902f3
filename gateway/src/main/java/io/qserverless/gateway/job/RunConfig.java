package io.qserverless.gateway.job;

import io.qserverless.gateway.config.GatewayConfig;
import io.qserverless.gateway.error.InvalidInputException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The validated {@code config} of a run: the worker fields of API.md, plus this gateway's
 * per-job resource request ({@code cpu}, {@code mem}) and {@code timeout} in seconds.
 *
 * <p>Unknown keys are refused rather than ignored, so a misspelt {@code "memory"} does not
 * silently run the job with the default allotment.
 */
record RunConfig(double cpu, long memory, Duration timeout) {
  private static final Set<String> KNOWN = Set.of("workers", "min_workers", "max_workers", "auto_scaling",
      "cpu", "mem", "timeout");
  // A smaller share would let one node "fit" millions of jobs; a shorter timeout ends a JVM before it starts.
  private static final double MIN_CPU = 0.01;
  private static final int MIN_TIMEOUT_SECONDS = 1;
  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)i?b?");

  static RunConfig of(Map<String, Object> config, GatewayConfig gw) {
    Map<String, Object> c = config == null ? Map.of() : config;
    for (String key : c.keySet()) {
      if (!KNOWN.contains(key)) {
        throw new InvalidInputException("Unknown config field '" + key + "'; known fields are " + KNOWN.stream().sorted().toList() + ".");
      }
    }
    for (String key : new String[] {"workers", "min_workers", "max_workers"}) {
      if (c.get(key) != null && !(c.get(key) instanceof Integer i && i >= 0)) {
        throw new InvalidInputException("Config field '" + key + "' must be a whole number >= 0, got " + c.get(key) + ".");
      }
    }
    if (c.get("auto_scaling") != null && !(c.get("auto_scaling") instanceof Boolean)) {
      throw new InvalidInputException("Config field 'auto_scaling' must be true or false, got " + c.get("auto_scaling") + ".");
    }
    GatewayConfig.Node node = gw.node();
    double cpu = c.get("cpu") == null ? node.jobCpus() : number("cpu", c.get("cpu"));
    if (!(cpu >= MIN_CPU) || cpu > node.cpus()) {
      throw new InvalidInputException("Config field 'cpu' must be between " + MIN_CPU + " and this node's " + node.cpus()
          + " cpus, got " + c.get("cpu") + ".");
    }
    long mem = c.get("mem") == null ? node.jobMemoryBytes() : bytes(c.get("mem"));
    if (mem < 32L << 20 || mem > node.memoryBytes()) {
      throw new InvalidInputException("Config field 'mem' must be between 32 MiB and this node's " + (node.memoryBytes() >> 20)
          + " MiB (bytes, or text like \"2g\"), got " + c.get("mem") + ".");
    }
    Duration max = gw.limits().jobTimeout();
    Duration timeout = max;
    if (c.get("timeout") != null) {
      double s = number("timeout", c.get("timeout"));
      if (!(s >= MIN_TIMEOUT_SECONDS) || s > max.toSeconds()) {
        throw new InvalidInputException("Config field 'timeout' must be seconds in [" + MIN_TIMEOUT_SECONDS + ", "
            + max.toSeconds() + "], got " + c.get("timeout") + ".");
      }
      timeout = Duration.ofMillis((long) (s * 1000));
    }
    return new RunConfig(cpu, mem, timeout);
  }

  private static double number(String key, Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw new InvalidInputException("Config field '" + key + "' must be a number, got " + v + ".");
  }

  private static long bytes(Object v) {
    if (v instanceof Number n) {
      return n.longValue();
    }
    Matcher m = SIZE.matcher(String.valueOf(v).trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new InvalidInputException("Config field 'mem' must be bytes or text like \"512m\" or \"2g\", got " + v + ".");
    }
    int shift = switch (m.group(2)) {
      case "k" -> 10;
      case "m" -> 20;
      case "g" -> 30;
      case "t" -> 40;
      default -> 0;
    };
    return (long) (Double.parseDouble(m.group(1)) * (1L << shift));
  }
}
