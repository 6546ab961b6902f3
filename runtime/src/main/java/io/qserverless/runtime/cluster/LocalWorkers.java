package io.qserverless.runtime.cluster;

import static io.qserverless.protocol.JobEnvironment.JOB_CPU;
import static io.qserverless.protocol.JobEnvironment.JOB_GPU;
import static io.qserverless.protocol.JobEnvironment.JOB_MEMORY;

import io.qserverless.runtime.Resources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Worker JVMs that a driver run with plain {@code java} (no gateway) starts for itself: the same
 * class path, the cluster's secret and ports in their environment, their output on the driver's own
 * (each line prefixed {@code [worker-N]} by the worker). They end with the driver: at its exit,
 * and, should it be killed, when they see its process gone.
 */
public final class LocalWorkers implements AutoCloseable {
  /** The worker JVM's main class. */
  public static final String MAIN = "io.qserverless.runtime.Worker";

  /** Set in a local worker's environment: the driver's pid, whose end ends the worker. */
  public static final String DRIVER_PID = "QS_DRIVER_PID";

  private final List<Process> processes;

  private LocalWorkers(List<Process> processes) {
    this.processes = processes;
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(this::close));
  }

  /** Settings for a new private cluster of this driver and {@code workers} local workers. */
  public static ClusterSettings settings(int workers) {
    byte[] secret = new byte[16];
    new SecureRandom().nextBytes(secret);
    int[] ports = freePorts(workers + 3);
    return ClusterSettings.local(
        "qs-" + HexFormat.of().formatHex(secret), ports[0], ports[1], workers);
  }

  /** Starts worker 1 to N of {@code settings}, each with {@code allotment}. */
  public static LocalWorkers start(ClusterSettings settings, Resources allotment) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<Process> started = new ArrayList<>();
    try {
      for (int i = 1; i <= settings.workers(); i++) {
        ProcessBuilder pb = new ProcessBuilder(command(java, allotment)).inheritIO();
        pb.environment().putAll(settings.workerEnvironment(i));
        pb.environment().put(JOB_CPU, Double.toString(allotment.cpu()));
        pb.environment().put(JOB_MEMORY, Long.toString(allotment.mem()));
        pb.environment().put(JOB_GPU, Integer.toString(allotment.gpu()));
        pb.environment().put(DRIVER_PID, Long.toString(ProcessHandle.current().pid()));
        started.add(pb.start());
      }
    } catch (IOException e) {
      started.forEach(Process::destroyForcibly);
      throw new UncheckedIOException(
          "cannot start a local worker JVM with " + java + ": " + e.getMessage(), e);
    }
    return new LocalWorkers(started);
  }

  /**
   * The worker's command line: this JVM's class path and main class, sized to its cpu allotment.
   */
  private static List<String> command(Path java, Resources allotment) {
    int cores = Math.max(1, (int) Math.ceil(allotment.cpu()));
    List<String> command =
        new ArrayList<>(List.of(java.toString(), "-XX:ActiveProcessorCount=" + cores));
    if (Runtime.version().feature() >= 24) {
      command.add(
          "--sun-misc-unsafe-memory-access=allow"); // Hazelcast's Unsafe use would print a warning
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN));
    return command;
  }

  /** The workers' processes, in worker order. */
  public List<ProcessHandle> processes() {
    return processes.stream().map(Process::toHandle).toList();
  }

  @Override
  public void close() {
    processes.forEach(Process::destroyForcibly);
  }

  /**
   * A range of {@code count} ports on loopback that were free a moment ago. Another process may
   * take one meanwhile; members then bind the next free port of the range (it has slack), and a
   * foreign Hazelcast member on one is refused for its cluster name.
   */
  static int[] freePorts(int count) {
    for (int attempt = 0; attempt < 100; attempt++) {
      int first = ThreadLocalRandom.current().nextInt(20_000, 60_000 - count);
      if (allFree(first, count)) {
        return new int[] {first, first + count - 1};
      }
    }
    throw new IllegalStateException(
        "found no " + count + " free consecutive ports on 127.0.0.1 in 100 tries");
  }

  private static boolean allFree(int first, int count) {
    for (int p = first; p < first + count; p++) {
      try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
        s.setReuseAddress(true);
      } catch (IOException taken) {
        return false;
      }
    }
    return true;
  }
}
