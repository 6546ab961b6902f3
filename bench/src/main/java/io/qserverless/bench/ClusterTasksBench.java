package io.qserverless.bench;

import java.util.List;
import java.util.Map;

/**
 * Trivial tasks per second through {@code distribute} + {@code get} across JVMs: the job's JVM (the
 * driver, no cpu of its own) and 2 local worker JVMs of 1 core each (goal: 20,000/s on this 2-core
 * machine), beside the same program in one JVM (local executor) in the same run.
 *
 * <p>Each run is {@link TasksBench} in a fresh JVM: 3 warm-up rounds and 5 measured rounds of N
 * tasks that return their index, median round. Tasks ask 0.01 cpu, so that 100 fit on a 1-core
 * worker at once; a second pair of runs with 1-cpu tasks (one at a time per worker, so bound by the
 * round trip) shows the latency side.
 *
 * <p>Usage: {@code ./qs bench ClusterTasks [N]} (default 100000).
 */
public final class ClusterTasksBench {
  private ClusterTasksBench() {}

  public static void main(String[] args) {
    String n = args.length > 0 ? args[0] : "100000";
    ChildJvm.printMachine();
    for (String cpu : List.of("0.01", "1")) {
      String tasks = cpu.equals("1") ? String.valueOf(Integer.parseInt(n) / 10) : n;
      System.out.println(
          "one JVM (local executor, the machine's cores), tasks of cpu " + cpu + ":");
      double local = median(ChildJvm.run(TasksBench.class, Map.of(), l -> {}, tasks, cpu));
      System.out.println("driver + 2 worker JVMs of 1 core each, tasks of cpu " + cpu + ":");
      double cluster =
          median(
              ChildJvm.run(
                  TasksBench.class,
                  Map.of("QS_WORKERS", "2", "QS_JOB_CPU", "0", "QS_WORKER_CPU", "1"),
                  l -> {},
                  tasks,
                  cpu));
      System.out.printf(
          "cpu %s: cluster %,.0f tasks/s (goal 20,000/s: %.2fx), one JVM %,.0f tasks/s, cluster/one JVM"
              + " %.2f%n",
          cpu, cluster, cluster / 20_000, local, cluster / local);
    }
  }

  private static double median(List<String> lines) {
    String line = lines.stream().filter(l -> l.startsWith("median: ")).findFirst().orElseThrow();
    return Double.parseDouble(
        line.substring("median: ".length(), line.indexOf(" tasks/s")).replace(",", ""));
  }
}
