package io.qserverless.runtime.cluster;

import static io.qserverless.protocol.JobEnvironment.CLUSTER_HOST;
import static io.qserverless.protocol.JobEnvironment.CLUSTER_MEMBERS;
import static io.qserverless.protocol.JobEnvironment.CLUSTER_NAME;
import static io.qserverless.protocol.JobEnvironment.CLUSTER_PORTS;
import static io.qserverless.protocol.JobEnvironment.MAX_WORKERS;
import static io.qserverless.protocol.JobEnvironment.MIN_WORKERS;
import static io.qserverless.protocol.JobEnvironment.WORKERS;
import static io.qserverless.protocol.JobEnvironment.WORKER_IDLE_SECONDS;
import static io.qserverless.protocol.JobEnvironment.WORKER_INDEX;

import io.qserverless.runtime.Resources;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
 * @param workers workers the driver waits for (those started with the job)
 * @param minWorkers fewest workers the driver goes on with once {@code joinTimeout} has passed
 * @param workerIndex this JVM's worker number from 1, or 0 for the driver
 * @param joinTimeout how long the driver waits for its workers, and a worker for its driver
 * @param scaling how the cluster grows and shrinks, or null for a fixed cluster
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
    Duration joinTimeout,
    Scaling scaling) {
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** Ray's and KubeRay's default idle timeout of a worker node. */
  public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

  /**
   * Auto-scaling: the driver adds workers of {@code worker}'s allotment up to {@code maxWorkers}
   * while tasks wait that fit no free member, and removes a worker idle for {@code idleTimeout}
   * while more than {@code minWorkers} run.
   */
  public record Scaling(int minWorkers, int maxWorkers, Duration idleTimeout, Resources worker) {
    public Scaling {
      if (minWorkers < 0 || minWorkers >= maxWorkers) {
        throw new IllegalArgumentException(
            MIN_WORKERS
                + "="
                + minWorkers
                + " must be at least 0 and below "
                + MAX_WORKERS
                + "="
                + maxWorkers
                + " for the cluster to scale");
      }
    }
  }

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
    if (scaling != null && workers > scaling.maxWorkers()) {
      throw new IllegalArgumentException(
          WORKERS + "=" + workers + " must be at most " + MAX_WORKERS + "=" + scaling.maxWorkers());
    }
  }

  /**
   * Settings for a job's JVM whose gateway made the cluster; {@code workers} is the count it
   * started, {@code worker} each one's allotment (what a worker added by auto-scaling brings).
   */
  public static ClusterSettings fromEnvironment(
      Map<String, String> env, int workers, Resources worker) {
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
        name,
        host,
        range[0],
        range[1],
        members,
        workers,
        Math.min(min, workers),
        index,
        JOIN_TIMEOUT,
        scaling(env, workers, worker));
  }

  /**
   * Settings for local workers started by a driver run with plain {@code java}: {@code workers} at
   * start, scaling as {@code env} asks ({@code QS_MIN_WORKERS}, {@code QS_MAX_WORKERS}).
   */
  public static ClusterSettings local(
      String name, int firstPort, int lastPort, Map<String, String> env, Resources worker) {
    int workers = workersAsked(env);
    int min = env.containsKey(MIN_WORKERS) ? count(env, MIN_WORKERS) : workers;
    return new ClusterSettings(
        name,
        DEFAULT_HOST,
        firstPort,
        lastPort,
        everyPort(DEFAULT_HOST, firstPort, lastPort),
        workers,
        Math.min(min, workers),
        0,
        JOIN_TIMEOUT,
        scaling(env, workers, worker));
  }

  /**
   * The scaling {@code env} asks for: none unless {@code QS_MIN_WORKERS} is below {@code
   * QS_MAX_WORKERS} (each defaults to {@code workers}).
   */
  private static Scaling scaling(Map<String, String> env, int workers, Resources worker) {
    int min = env.containsKey(MIN_WORKERS) ? count(env, MIN_WORKERS) : workers;
    int max = env.containsKey(MAX_WORKERS) ? count(env, MAX_WORKERS) : workers;
    if (min == max) {
      return null;
    }
    Duration idle =
        env.containsKey(WORKER_IDLE_SECONDS)
            ? Duration.ofMillis((long) (seconds(env, WORKER_IDLE_SECONDS) * 1000))
            : IDLE_TIMEOUT;
    return new Scaling(min, max, idle, worker);
  }

  /** The environment that makes worker {@code index} join this cluster. */
  public Map<String, String> workerEnvironment(int index) {
    Map<String, String> env = new HashMap<>();
    if (scaling != null) {
      env.put(MIN_WORKERS, Integer.toString(scaling.minWorkers()));
      env.put(MAX_WORKERS, Integer.toString(scaling.maxWorkers()));
    }
    env.putAll(
        Map.of(
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
            Integer.toString(index)));
    return env;
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

  /** True when the job's JVMs form a cluster: workers at start, or room to add some. */
  public static boolean clustered(Map<String, String> env) {
    return workersAsked(env) > 0 || (env.containsKey(MAX_WORKERS) && count(env, MAX_WORKERS) > 0);
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

  private static double seconds(Map<String, String> env, String variable) {
    try {
      double s = Double.parseDouble(env.get(variable).strip());
      if (s >= 0 && Double.isFinite(s)) {
        return s;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        variable + "='" + env.get(variable) + "' is not a number of seconds >= 0, e.g. 60");
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
