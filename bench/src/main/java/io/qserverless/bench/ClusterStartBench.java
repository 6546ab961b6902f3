package io.qserverless.bench;

import io.qserverless.runtime.Serverless;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Job start with 2 workers: from starting the job's JVM to every member joined (goal p50 at most
 * 2 s; KubeRay takes minutes), beside the same JVM start without workers.
 *
 * <p>Each sample starts a fresh driver JVM as a plain-java run does ({@code QS_WORKERS=2}: it
 * starts its 2 worker JVMs itself, at the same moment as it starts its own member), which calls
 * {@code Serverless.allotment()} (it returns once all members have joined) and prints a line; the
 * time is taken from process start to that line. Through the gateway, the runner starts the
 * worker JVMs beside the driver instead, and the figure adds the gateway's own launch time.
 *
 * <p>Usage: {@code ./qs bench ClusterStart [samples]} (default 7).
 */
public final class ClusterStartBench {
  private static final String READY = "all members joined: ";

  private ClusterStartBench() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("child")) {
      System.out.println(READY + Serverless.allotment());
      return;
    }
    int samples = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    ChildJvm.printMachine();
    double[] plain = sample(samples, Map.of());
    double[] cluster = sample(samples, Map.of("QS_WORKERS", "2", "QS_JOB_CPU", "0"));
    System.out.printf("no workers: p50 %.2f s (min %.2f, max %.2f)%n", plain[samples / 2], plain[0], plain[samples - 1]);
    System.out.printf("2 workers:  p50 %.2f s (min %.2f, max %.2f; goal 2 s: %.2fx); workers add %.2f s%n",
        cluster[samples / 2], cluster[0], cluster[samples - 1], cluster[samples / 2] / 2, cluster[samples / 2]
            - plain[samples / 2]);
  }

  private static double[] sample(int samples, Map<String, String> env) {
    List<Double> seconds = new ArrayList<>();
    for (int i = 0; i < samples; i++) {
      long start = System.nanoTime();
      double[] ready = {Double.NaN};
      ChildJvm.run(ClusterStartBench.class, env, l -> {
        if (l.startsWith(READY)) {
          ready[0] = (System.nanoTime() - start) / 1e9;
        }
      }, "child");
      seconds.add(ready[0]);
    }
    double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    return sorted;
  }
}
