package io.qserverless.runtime.cluster;

import static io.qserverless.protocol.JobEnvironment.JOB_CPU;
import static io.qserverless.protocol.JobEnvironment.JOB_GPU;
import static io.qserverless.protocol.JobEnvironment.JOB_MEMORY;
import static io.qserverless.protocol.JobEnvironment.MAX_WORKERS;
import static io.qserverless.protocol.JobEnvironment.WORKERS;

import io.qserverless.runtime.Resources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Worker JVMs that a driver run with plain {@code java} (no gateway) starts for itself: the same
 * class path, the cluster's secret and ports in their environment, their output on the driver's own
 * (each line prefixed {@code [worker-N]} by the worker). They end with the driver: at its exit,
 * and, should it be killed, when they see its process gone. An auto-scaling driver adds and removes
 * them through this {@link Scaler}. Thread-safe.
 */
public final class LocalWorkers implements Scaler, AutoCloseable {
  /** The worker JVM's main class. */
  public static final String MAIN = "io.qserverless.runtime.Worker";

  /** Set in a local worker's environment: the driver's pid, whose end ends the worker. */
  public static final String DRIVER_PID = "QS_DRIVER_PID";

  private final ClusterSettings settings;
  private final Resources allotment;
  private final Map<Integer, Process> processes = new LinkedHashMap<>();
  private int started;

  private LocalWorkers(ClusterSettings settings, Resources allotment) {
    this.settings = settings;
    this.allotment = allotment;
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(this::close));
  }

  /** Settings for a new private cluster of this driver and {@code workers} local workers. */
  public static ClusterSettings settings(int workers) {
    return settings(Map.of(WORKERS, Integer.toString(workers)), null);
  }

  /**
   * Settings for a new private cluster of this driver and the local workers {@code env} asks for
   * ({@code QS_WORKERS}, and {@code QS_MIN_WORKERS}/{@code QS_MAX_WORKERS} to scale), each of
   * {@code worker}'s allotment.
   */
  public static ClusterSettings settings(Map<String, String> env, Resources worker) {
    byte[] secret = new byte[16];
    new SecureRandom().nextBytes(secret);
    int most = Math.max(ClusterSettings.workersAsked(env), maxWorkers(env));
    int[] ports = freePorts(most + 3);
    return ClusterSettings.local(
        "qs-" + HexFormat.of().formatHex(secret), ports[0], ports[1], env, worker);
  }

  private static int maxWorkers(Map<String, String> env) {
    String max = env.get(MAX_WORKERS);
    return max == null ? 0 : Integer.parseInt(max.strip());
  }

  /** Starts worker 1 to N of {@code settings}, each with {@code allotment}. */
  public static LocalWorkers start(ClusterSettings settings, Resources allotment) {
    LocalWorkers workers = new LocalWorkers(settings, allotment);
    for (int i = 0; i < settings.workers(); i++) {
      workers.add(Autoscaler.WITH_JOB);
    }
    return workers;
  }

  @Override
  public synchronized String add(String reason) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    int index = ++started;
    ProcessBuilder pb = new ProcessBuilder(command(java, allotment)).inheritIO();
    pb.environment().putAll(settings.workerEnvironment(index));
    pb.environment().put(JOB_CPU, Double.toString(allotment.cpu()));
    pb.environment().put(JOB_MEMORY, Long.toString(allotment.mem()));
    pb.environment().put(JOB_GPU, Integer.toString(allotment.gpu()));
    pb.environment().put(DRIVER_PID, Long.toString(ProcessHandle.current().pid()));
    try {
      processes.put(index, pb.start());
    } catch (IOException e) {
      close();
      throw new UncheckedIOException(
          "cannot start a local worker JVM with " + java + ": " + e.getMessage(), e);
    }
    return "worker-" + index;
  }

  @Override
  public synchronized void remove(String worker, String reason) {
    Process p = processes.remove(Integer.parseInt(worker.substring("worker-".length())));
    if (p != null) {
      p.destroy();
    }
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
  public synchronized List<ProcessHandle> processes() {
    return processes.values().stream().map(Process::toHandle).toList();
  }

  @Override
  public synchronized void close() {
    processes.values().forEach(Process::destroyForcibly);
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
