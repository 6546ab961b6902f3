package io.qserverless.bench;

import io.qserverless.runtime.Serverless;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Job start with 2 workers: from starting the job's JVM to every member joined (goal p50 at most 2
 * s; KubeRay takes minutes), beside the same JVM start without workers.
 *
 * <p>Each sample starts a fresh driver JVM as a plain-java run does ({@code QS_WORKERS=2}: it
 * starts its 2 worker JVMs itself, at the same moment as it starts its own member), which calls
 * {@code Serverless.allotment()} (it returns once all members have joined) and prints a line; the
 * time is taken from process start to that line. Through the gateway, the runner starts the worker
 * JVMs beside the driver instead, and the figure adds the gateway's own launch time.
 *
 * <p>Usage: {@code ./qs bench ClusterStart [samples]} (default 7).
 */
public final class ClusterStartBench {
  private static final String READY = "all members joined: ";
  private static final String CPU = "cpu seconds of the job's JVMs by then: ";

  private ClusterStartBench() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("child")) {
      System.out.println(READY + Serverless.allotment());
      Duration cpu =
          Stream.concat(Stream.of(ProcessHandle.current()), ProcessHandle.current().descendants())
              .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
              .reduce(Duration.ZERO, Duration::plus);
      System.out.printf("%s%.2f%n", CPU, cpu.toMillis() / 1000.0);
      return;
    }
    int samples = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    ChildJvm.printMachine();
    double[][] plain = sample(samples, Map.of());
    double[][] clustered = sample(samples, Map.of("QS_WORKERS", "2", "QS_JOB_CPU", "0"));
    double[] cluster = clustered[0];
    System.out.printf(
        "no workers: p50 %.2f s (min %.2f, max %.2f), cpu p50 %.2f s%n",
        plain[0][samples / 2], plain[0][0], plain[0][samples - 1], plain[1][samples / 2]);
    System.out.printf(
        "2 workers:  p50 %.2f s (min %.2f, max %.2f; goal 2 s: %.2fx); workers add %.2f s; cpu p50 %.2f s"
            + " (the 3 JVMs together: on an idle 2-core machine the wall time is at least half of it)%n",
        cluster[samples / 2],
        cluster[0],
        cluster[samples - 1],
        cluster[samples / 2] / 2,
        cluster[samples / 2] - plain[0][samples / 2],
        clustered[1][samples / 2]);
  }

  /** Sorted wall seconds to all joined, and sorted cpu seconds spent by then. */
  private static double[][] sample(int samples, Map<String, String> env) {
    double[] wall = new double[samples];
    double[] cpu = new double[samples];
    for (int i = 0; i < samples; i++) {
      long start = System.nanoTime();
      int n = i;
      ChildJvm.run(
          ClusterStartBench.class,
          env,
          l -> {
            if (l.startsWith(READY)) {
              wall[n] = (System.nanoTime() - start) / 1e9;
            } else if (l.startsWith(CPU)) {
              cpu[n] = Double.parseDouble(l.substring(CPU.length()));
            }
          },
          "child");
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    return new double[][] {wall, cpu};
  }
}
