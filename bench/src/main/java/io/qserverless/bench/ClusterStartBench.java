package io.qserverless.bench;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Job start with 2 workers: from the run request to every member of the job's cluster joined (goal
 * p50 at most 2 s; KubeRay takes minutes), beside the same program without workers, on a gateway
 * that runs its jobs in the sandbox and whose job JVM caches are trained (a gateway trains them
 * once, at its first start).
 *
 * <p>The program asks {@code Serverless.allotment()}, which returns once all members have joined,
 * and prints the wall clock; gateway, client and job share this machine's clock. The two kinds of
 * job alternate, so a change in the machine's load hits both alike. Workers get one core each, as
 * the CPU-bound comparison does; the gateway declares a 4-core node so that the driver and
 * 2 workers fit on a 2-core machine.
 *
 * <p>Usage: {@code ./qs bench ClusterStart [samples]} (default 7).
 */
public final class ClusterStartBench {
  private static final String PROGRAM =
      """
      import io.qserverless.runtime.Serverless;

      public class Joined {
        public static void main(String[] args) {
          Object all = Serverless.allotment();
          System.out.println("joined " + System.currentTimeMillis() + " " + all);
        }
      }
      """;
  private static final Pattern JOINED = Pattern.compile("joined (\\d+) (.*)");

  private ClusterStartBench() {}

  public static void main(String[] args) throws Exception {
    int samples = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    ChildJvm.printMachine();
    double[] plain = new double[samples];
    double[] cluster = new double[samples];
    try (GatewayBenchClient gw = new GatewayBenchClient(b -> b.node(4, 8L << 30))) {
      gw.upload("joined", "Joined.java", PROGRAM);
      gw.awaitJvmCaches();
      for (int i = -1; i < samples; i++) { // one warm-up round
        double p = joined(gw, "{\"cpu\": 0.25}");
        double c = joined(gw, "{\"cpu\": 0.25, \"workers\": 2, \"worker_cpu\": 1}");
        if (i >= 0) {
          plain[i] = p;
          cluster[i] = c;
        }
      }
    }
    Arrays.sort(plain);
    Arrays.sort(cluster);
    System.out.printf(
        "run request -> all members joined, %d jobs each:%n  no workers: p50 %.2f s (min %.2f, max %.2f)%n",
        samples, plain[samples / 2], plain[0], plain[samples - 1]);
    System.out.printf(
        "  2 workers:  p50 %.2f s (min %.2f, max %.2f); goal 2 s: %.2fx the goal%n",
        cluster[samples / 2], cluster[0], cluster[samples - 1], cluster[samples / 2] / 2);
    System.exit(0);
  }

  /** One job: run request to its cluster complete, in seconds. */
  private static double joined(GatewayBenchClient gw, String config) throws Exception {
    long sent = System.currentTimeMillis();
    String log = gw.runToEnd("{\"title\": \"joined\", \"config\": " + config + "}");
    Matcher m = JOINED.matcher(log);
    if (!m.find()) {
      throw new IllegalStateException("the job printed no joined line: " + log);
    }
    System.out.println("    " + m.group(0));
    return (Long.parseLong(m.group(1)) - sent) / 1000.0;
  }
}
