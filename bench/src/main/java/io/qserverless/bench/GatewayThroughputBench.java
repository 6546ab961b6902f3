package io.qserverless.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * Accepted submissions per second and job status reads per second, with N concurrent clients over
 * loopback HTTP against an in-process gateway (embedded H2).
 *
 * <p>{@code ./qs bench GatewayThroughput [clients] [seconds]} (defaults 16 and 20). Each client is
 * its own user (per-user active-job limit 20,000), as on a shared gateway. A sleeping job holds the
 * node's whole capacity, so submitted jobs stay queued (a busy node with a queue) and the figures
 * are the API's, not the jobs'.
 */
public final class GatewayThroughputBench {
  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 16;
    Duration phase = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 20);
    try (GatewayBenchClient gw =
        new GatewayBenchClient(
            b ->
                b.maxActiveJobs(20_000)
                    .maxRunningJobs(1)
                    .node(1, 8L << 30)
                    .jobDefaults(1, 64L << 20))) {
      List<String> users = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        users.add(gw.newUser("bench" + c));
        gw.upload(users.get(c), "noop", "run.sh", "#!/bin/sh\ntrue\n");
      }
      gw.upload("hold", "hold.sh", "#!/bin/sh\nsleep 600\n");
      gw.awaitJvmCaches(); // the training a gateway runs at its first start is not its load
      String hold =
          gw.send("POST", "/api/v1/programs/run/", "{\"title\": \"hold\"}").get("id").asString();
      String run = "{\"title\": \"noop\", \"arguments\": \"{\\\"n\\\": 1}\"}";
      List<ConcurrentLinkedQueue<String>> ids = new ArrayList<>();
      users.forEach(u -> ids.add(new ConcurrentLinkedQueue<>()));
      Client submit =
          c ->
              ids.get(c)
                  .add(
                      gw.send(users.get(c), "POST", "/api/v1/programs/run/", run)
                          .get("id")
                          .asString());
      // A cold JVM spends most of its first tens of seconds compiling Jetty, Jackson, H2 and JDBI.
      measure("warm-up submit", clients, phase, submit);
      measure("submit (POST /programs/run/)", clients, phase, submit);
      List<List<String>> known = ids.stream().map(q -> (List<String>) new ArrayList<>(q)).toList();
      AtomicLong i = new AtomicLong();
      measure(
          "status read (GET /jobs/{id}/)",
          clients,
          phase,
          c -> {
            List<String> mine = known.get(c);
            JsonNode job =
                gw.send(
                    users.get(c),
                    "GET",
                    "/api/v1/jobs/" + mine.get((int) (i.getAndIncrement() % mine.size())) + "/",
                    null);
            if (job.get("status") == null) {
              throw new IllegalStateException("no status in " + job);
            }
          });
      gw.send("POST", "/api/v1/jobs/" + hold + "/stop/", null);
      Thread.sleep(500);
    }
    System.exit(0);
  }

  /** One call made by client {@code c}. */
  interface Client {
    void call(int c) throws Exception;
  }

  static void measure(String name, int clients, Duration phase, Client client)
      throws InterruptedException {
    var os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long end = System.nanoTime() + phase.toNanos();
    List<long[]> samples = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    AtomicLong errors = new AtomicLong();
    for (int c = 0; c < clients; c++) {
      int me = c;
      long[] own = new long[2_000_000];
      samples.add(own);
      int[] n = {0};
      threads.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    while (System.nanoTime() < end && n[0] < own.length - 1) {
                      long t0 = System.nanoTime();
                      try {
                        client.call(me);
                        own[++n[0]] = System.nanoTime() - t0;
                      } catch (Exception e) {
                        errors.incrementAndGet();
                      }
                    }
                    own[0] = n[0];
                  }));
    }
    for (Thread t : threads) {
      t.join();
    }
    long count = samples.stream().mapToLong(s -> s[0]).sum();
    long[] all =
        samples.stream()
            .flatMapToLong(s -> java.util.Arrays.stream(s, 1, (int) s[0] + 1))
            .toArray();
    // CPU per call (gateway and clients together) does not depend on what else the machine runs.
    double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6 / Math.max(1, count);
    System.out.printf(
        "%-32s %d clients: %,.0f /s (%d in %d s, %d errors), latency %s, %.3f CPU-ms per call "
            + "(= %,.0f /s per busy core)%n",
        name,
        clients,
        count / (double) phase.toSeconds(),
        count,
        phase.toSeconds(),
        errors.get(),
        GatewayBenchClient.percentiles(all),
        cpuMs,
        1000 / cpuMs);
  }
}
