package io.qserverless.runtime.cluster;

import static io.qserverless.protocol.JobEnvironment.CLUSTER_HOST;
import static io.qserverless.protocol.JobEnvironment.CLUSTER_MEMBERS;
import static io.qserverless.protocol.JobEnvironment.CLUSTER_NAME;
import static io.qserverless.protocol.JobEnvironment.CLUSTER_PORTS;
import static io.qserverless.protocol.JobEnvironment.MIN_WORKERS;
import static io.qserverless.protocol.JobEnvironment.WORKERS;
import static io.qserverless.protocol.JobEnvironment.WORKER_INDEX;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one JVM of a job's cluster joins it: the cluster's secret name, the address and ports its
 * members bind, whom to join, how many workers the driver waits for, and this JVM's role.
 *
 * @param name the cluster's name, a random secret (Hazelcast refuses members that present another)
 * @param host the address members bind and join on
 * @param firstPort first port of the job's range
 * @param lastPort last port of the job's range
 * @param members join list ({@code host:port}); by default every port of the range on {@code host}
 * @param workers workers the driver waits for
 * @param minWorkers fewest workers the driver goes on with once {@code joinTimeout} has passed
 * @param workerIndex this JVM's worker number from 1, or 0 for the driver
 * @param joinTimeout how long the driver waits for its workers, and a worker for its driver
 */
public record ClusterSettings(
    String name,
    String host,
    int firstPort,
    int lastPort,
    List<String> members,
    int workers,
    int minWorkers,
    int workerIndex,
    Duration joinTimeout) {
  public static final String DEFAULT_HOST = "127.0.0.1";

  /**
   * A worker JVM starts in about a second; 60 s covers a loaded machine, and a lost worker is
   * reported by then.
   */
  public static final Duration JOIN_TIMEOUT = Duration.ofSeconds(60);

  public ClusterSettings {
    members = List.copyOf(members);
    if (firstPort < 1 || lastPort > 65535 || firstPort > lastPort) {
      throw new IllegalArgumentException(
          CLUSTER_PORTS
              + " must be a range first-last within 1-65535, got "
              + firstPort
              + "-"
              + lastPort);
    }
    if (minWorkers < 0 || minWorkers > workers) {
      throw new IllegalArgumentException(
          MIN_WORKERS + "=" + minWorkers + " must be between 0 and " + WORKERS + "=" + workers);
    }
  }

  /**
   * Settings for a job's JVM whose gateway made the cluster; {@code workers} is the count it
   * started.
   */
  public static ClusterSettings fromEnvironment(Map<String, String> env, int workers) {
    String name = env.get(CLUSTER_NAME);
    String ports = env.get(CLUSTER_PORTS);
    if (name == null || name.isBlank() || ports == null) {
      throw new IllegalArgumentException(
          "a job JVM of a cluster needs "
              + CLUSTER_NAME
              + " and "
              + CLUSTER_PORTS
              + " (e.g. 41200-41204); without them a driver starts local workers itself");
    }
    int[] range = portRange(ports);
    String host = env.getOrDefault(CLUSTER_HOST, DEFAULT_HOST);
    String listed = env.get(CLUSTER_MEMBERS);
    List<String> members =
        listed == null || listed.isBlank()
            ? everyPort(host, range[0], range[1])
            : Arrays.stream(listed.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    int index = env.containsKey(WORKER_INDEX) ? count(env, WORKER_INDEX) : 0;
    int min = env.containsKey(MIN_WORKERS) ? count(env, MIN_WORKERS) : workers;
    return new ClusterSettings(
        name, host, range[0], range[1], members, workers, min, index, JOIN_TIMEOUT);
  }

  /** Settings for local workers started by a driver run with plain {@code java}. */
  public static ClusterSettings local(String name, int firstPort, int lastPort, int workers) {
    return new ClusterSettings(
        name,
        DEFAULT_HOST,
        firstPort,
        lastPort,
        everyPort(DEFAULT_HOST, firstPort, lastPort),
        workers,
        workers,
        0,
        JOIN_TIMEOUT);
  }

  /** The environment that makes worker {@code index} join this cluster. */
  public Map<String, String> workerEnvironment(int index) {
    return Map.of(
        CLUSTER_NAME,
        name,
        CLUSTER_PORTS,
        firstPort + "-" + lastPort,
        CLUSTER_HOST,
        host,
        CLUSTER_MEMBERS,
        String.join(",", members),
        WORKERS,
        Integer.toString(workers),
        WORKER_INDEX,
        Integer.toString(index));
  }

  /**
   * Worker: waits until a member listens on one of the join addresses and returns that address
   * ({@code host:port}): the driver's, since the driver starts its member at once and workers only
   * once it listens (members that start together would each claim to be the master and settle it in
   * a vote with a 10 s timeout). Empty if none listens within the join timeout.
   */
  public Optional<String> awaitFirstListener() throws InterruptedException {
    long deadline = System.nanoTime() + joinTimeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (String address : members) {
        int colon = address.lastIndexOf(':');
        try (Socket s = new Socket()) {
          s.connect(
              new InetSocketAddress(
                  address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))),
              200);
          return Optional.of(address);
        } catch (IOException | NumberFormatException notYet) {
          // try the next address
        }
      }
      Thread.sleep(50);
    }
    return Optional.empty();
  }

  /**
   * Driver: the first port of the range that is free on {@code host}, as {@code host:port}. The
   * driver binds exactly that port and is its cluster's master from the start: with the whole range
   * to ask first, Hazelcast would wait a second for answers from ports where nobody listens.
   */
  public String freeDriverAddress() {
    for (int p = firstPort; p <= lastPort; p++) {
      try (ServerSocket s = new ServerSocket()) {
        s.bind(new InetSocketAddress(host, p), 1);
        return host + ":" + p;
      } catch (IOException taken) {
        // the next one
      }
    }
    throw new IllegalStateException(
        "no port of the job's cluster range "
            + host
            + " "
            + firstPort
            + "-"
            + lastPort
            + " is free for its driver");
  }

  public boolean isDriver() {
    return workerIndex == 0;
  }

  /** {@code driver} or {@code worker-N}: how logs, events and messages name this member. */
  public String memberName() {
    return isDriver() ? "driver" : "worker-" + workerIndex;
  }

  /**
   * The worker count asked for: variable {@code QS_WORKERS}, else property {@code qs.workers}; 0
   * when neither.
   */
  public static int workersAsked(Map<String, String> env) {
    String text = env.getOrDefault(WORKERS, System.getProperty("qs.workers"));
    return text == null || text.isBlank() ? 0 : parseCount(WORKERS, text);
  }

  private static List<String> everyPort(String host, int first, int last) {
    List<String> out = new ArrayList<>();
    for (int p = first; p <= last; p++) {
      out.add(host + ":" + p);
    }
    return out;
  }

  private static int[] portRange(String text) {
    String[] parts = text.strip().split("-", 2);
    try {
      int first = Integer.parseInt(parts[0].strip());
      int last = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : first;
      return new int[] {first, last};
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          CLUSTER_PORTS + "='" + text + "' is not a port range such as 41200-41204");
    }
  }

  private static int count(Map<String, String> env, String variable) {
    return parseCount(variable, env.get(variable));
  }

  private static int parseCount(String variable, String text) {
    try {
      int n = Integer.parseInt(text.strip());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        variable + "='" + text + "' is not a whole number >= 0, e.g. 2");
  }
}
