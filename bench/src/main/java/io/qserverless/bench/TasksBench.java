package io.qserverless.bench;

import static io.qserverless.runtime.Serverless.distribute;
import static io.qserverless.runtime.Serverless.get;

import io.qserverless.runtime.Resources;
import io.qserverless.runtime.Serverless;
import io.qserverless.runtime.TaskRef;
import java.util.ArrayList;
import java.util.List;

/**
 * Trivial tasks per second through {@code distribute} + {@code get} inside one job (goal: 50,000/s
 * on 2 cores). Each round distributes N tasks that return their index, then gets them all; the
 * figure is the best of the measured rounds, after warm-up rounds.
 *
 * <p>Usage: {@code ./qs bench Tasks [N] [cpu-per-task]} (defaults 100000 and 1).
 */
public final class TasksBench {
  private TasksBench() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    double cpu = args.length > 1 ? Double.parseDouble(args[1]) : 1;
    Resources each = Resources.cpu(cpu);
    System.out.printf("allotment %s; %d tasks of %s per round%n", Serverless.allotment(), n, each);
    for (int round = 1; round <= 3; round++) {
      run(n, each, "warm-up " + round);
    }
    double[] rates = new double[5];
    for (int round = 1; round <= rates.length; round++) {
      rates[round - 1] = run(n, each, "round " + round);
    }
    java.util.Arrays.sort(rates);
    double median = rates[rates.length / 2];
    System.out.printf(
        "median: %,.0f tasks/s (goal 50,000/s: %.1fx); slowest round %,.0f tasks/s%n",
        median, median / 50_000, rates[0]);
  }

  private static double run(int n, Resources each, String label) {
    long start = System.nanoTime();
    List<TaskRef<Integer>> refs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int v = i;
      refs.add(distribute(each, () -> v));
    }
    List<Integer> results = get(refs);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (results.size() != n || results.get(n - 1) != n - 1) {
      throw new IllegalStateException("wrong results: " + results.size());
    }
    double rate = n / seconds;
    System.out.printf("%-10s %,10.0f tasks/s (%.3f s)%n", label, rate, seconds);
    return rate;
  }
}
