package io.qserverless.runtime.cluster;

import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.ListenerConfig;
import com.hazelcast.config.NetworkConfig;
import io.qserverless.runtime.Resources;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Hazelcast configuration of one member of a job's cluster: private, small and quick.
 *
 * <p>Private: the cluster's name is the job's random secret; members bind only the job's host and
 * port range and join only by TCP-IP through the driver (multicast and auto-detection off, so no
 * member of another job or another program is ever found); phone-home off. Quick: the driver is the
 * master from the start, no wait before joining (Hazelcast's defaults wait 5 to 20 s), a lost
 * member declared dead after 5 s without heartbeat (default 60 s), and split clusters merged after
 * 1 s (default 300 s). Small: one partition, as the cluster stores no data, only runs tasks; no
 * metrics.
 */
final class HazelcastConfig {
  static final String EXECUTOR = "qs-envelopes";
  static final String NAME = "qs.name";
  static final String ROLE = "qs.role";
  static final String CPU = "qs.cpu";
  static final String MEM = "qs.mem";
  static final String GPU = "qs.gpu";

  /**
   * Hazelcast logs every join at INFO and a member's departure as several WARNINGs; the job's log
   * gets one line per join or departure from the driver instead, and Hazelcast's errors. Held: JUL
   * keeps loggers by weak reference.
   */
  private static final Logger HAZELCAST_LOG = Logger.getLogger("com.hazelcast");

  private HazelcastConfig() {}

  /**
   * The configuration of a member that joins {@code through} ({@code host:port}): the driver's own
   * address for the driver, which binds exactly that port and so is the master at once; the
   * driver's for a worker, which then joins without asking the rest of the range who the master is.
   */
  static Config of(
      ClusterSettings settings,
      String through,
      Resources allotment,
      ClusterMember member,
      MembershipListener membership) {
    HAZELCAST_LOG.setLevel(Level.SEVERE);
    Config config = new Config();
    config.setClusterName(settings.name());
    config.setInstanceName(
        "qs-"
            + settings.memberName()
            + "-"
            + ProcessHandle.current().pid()
            + "-"
            + System.nanoTime());
    Map<String, String> properties =
        Map.ofEntries(
            Map.entry("hazelcast.phone.home.enabled", "false"),
            Map.entry("hazelcast.logging.type", "jdk"),
            Map.entry("hazelcast.wait.seconds.before.join", "0"),
            Map.entry("hazelcast.max.wait.seconds.before.join", "1"),
            Map.entry("hazelcast.max.no.heartbeat.seconds", "5"),
            Map.entry("hazelcast.heartbeat.interval.seconds", "1"),
            Map.entry("hazelcast.merge.first.run.delay.seconds", "1"),
            Map.entry("hazelcast.merge.next.run.delay.seconds", "1"),
            Map.entry("hazelcast.partition.count", "1"),
            Map.entry("hazelcast.socket.bind.any", "false"),
            Map.entry("hazelcast.shutdownhook.policy", "TERMINATE"));
    properties.forEach(config::setProperty);
    // Nobody reads a job cluster's metrics: not collecting them spares each member's start the
    // registration of its metric sources.
    config.getMetricsConfig().setEnabled(false);

    NetworkConfig network = config.getNetworkConfig();
    if (settings.isDriver()) {
      network
          .setPort(Integer.parseInt(through.substring(through.lastIndexOf(':') + 1)))
          .setPortAutoIncrement(false);
    } else {
      network
          .setPort(settings.firstPort())
          .setPortCount(settings.lastPort() - settings.firstPort() + 1)
          .setPortAutoIncrement(true);
    }
    network.getInterfaces().setEnabled(true).addInterface(settings.host());
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig()
        .setEnabled(true)
        .setMembers(settings.members())
        .setRequiredMember(through)
        .setConnectionTimeoutSeconds(2);

    config
        .getMemberAttributeConfig()
        .setAttributes(
            Map.of(
                NAME, settings.memberName(),
                ROLE, settings.isDriver() ? "driver" : "worker",
                CPU, Double.toString(allotment.cpu()),
                MEM, Long.toString(allotment.mem()),
                GPU, Integer.toString(allotment.gpu())));
    // Envelopes only hand items over (tasks run on virtual threads), so two threads keep up.
    config.getExecutorConfig(EXECUTOR).setPoolSize(2);
    ConcurrentHashMap<String, Object> context = new ConcurrentHashMap<>();
    context.put(ClusterMember.class.getName(), member);
    config.setUserContext(context);
    config.addListenerConfig(new ListenerConfig(membership));
    return config;
  }

  static Resources allotment(com.hazelcast.cluster.Member m) {
    return new Resources(
        Double.parseDouble(m.getAttribute(CPU)),
        Long.parseLong(m.getAttribute(MEM)),
        Integer.parseInt(m.getAttribute(GPU)));
  }
}
