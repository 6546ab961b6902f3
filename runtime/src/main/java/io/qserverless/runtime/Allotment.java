package io.qserverless.runtime;

import io.qserverless.protocol.JobEnvironment;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The job's allotment: the cpu, memory and gpus its tasks share. Read from the environment the
 * gateway gives the job; by default the whole machine (its cores and physical memory, no gpu).
 */
final class Allotment {
  private Allotment() {}

  static Resources fromEnvironment(Map<String, String> env) {
    double cpu =
        env.containsKey(JobEnvironment.JOB_CPU)
            ? number(env, JobEnvironment.JOB_CPU)
            : Runtime.getRuntime().availableProcessors();
    long mem =
        env.containsKey(JobEnvironment.JOB_MEMORY)
            ? (long) number(env, JobEnvironment.JOB_MEMORY)
            : machineMemory();
    int gpu =
        env.containsKey(JobEnvironment.JOB_GPU) ? (int) number(env, JobEnvironment.JOB_GPU) : 0;
    return new Resources(cpu, mem, gpu);
  }

  /**
   * Each worker's allotment: QS_WORKER_CPU (default 1), QS_WORKER_MEMORY (default an equal share of
   * the job's among it and its {@code workers}), QS_WORKER_GPU (default 0). A gateway sets all
   * three.
   */
  static Resources ofWorker(Map<String, String> env, Resources job, int workers) {
    double cpu =
        env.containsKey(JobEnvironment.WORKER_CPU) ? number(env, JobEnvironment.WORKER_CPU) : 1;
    long mem =
        env.containsKey(JobEnvironment.WORKER_MEMORY)
            ? (long) number(env, JobEnvironment.WORKER_MEMORY)
            : job.mem() / (workers + 1);
    int gpu =
        env.containsKey(JobEnvironment.WORKER_GPU)
            ? (int) number(env, JobEnvironment.WORKER_GPU)
            : 0;
    return new Resources(cpu, mem, gpu);
  }

  private static double number(Map<String, String> env, String name) {
    String text = env.get(name).strip();
    try {
      double v = Double.parseDouble(text);
      if (v >= 0 && Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException bad) {
      // reported below
    }
    throw new IllegalArgumentException(
        "environment variable "
            + name
            + "='"
            + text
            + "' is not a number >= 0: set it to e.g. 2 (cores), 4294967296 (bytes) or unset it for the machine's size");
  }

  /**
   * Physical memory: from /proc/meminfo on Linux (JMX start-up costs tens of ms a job would feel),
   * else JMX.
   */
  private static long machineMemory() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
      Optional<String> total = lines.filter(l -> l.startsWith("MemTotal:")).findFirst();
      if (total.isPresent()) {
        return Long.parseLong(total.get().replaceAll("[^0-9]", "")) * 1024;
      }
    } catch (IOException | RuntimeException notLinux) {
      // fall back to JMX below
    }
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getTotalMemorySize();
    }
    return Runtime.getRuntime().maxMemory();
  }
}
