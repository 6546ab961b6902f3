package io.qserverless.bench;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Job start latency: from the client sending the run request to the program's first line, for a
 * Java source program (compiled once at upload), one job at a time on an otherwise idle gateway.
 *
 * <p>{@code ./qs bench GatewayStartLatency [jobs]} (default 30). The program prints the wall
 * clock as its first line; gateway, client and job share this machine's clock.
 */
public final class GatewayStartLatencyBench {
  private static final String PROGRAM = """
      public class First {
        public static void main(String[] args) {
          System.out.println("first " + System.currentTimeMillis());
        }
      }
      """;
  private static final Pattern FIRST = Pattern.compile("first (\\d+)");

  public static void main(String[] args) throws Exception {
    int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    try (GatewayBenchClient gw = new GatewayBenchClient(b -> {})) {
      gw.upload("first", "First.java", PROGRAM);
      long[] latencies = new long[jobs];
      for (int i = -3; i < jobs; i++) { // three warm-up runs
        long sent = System.currentTimeMillis();
        String id = gw.send("POST", "/api/v1/programs/run/", "{\"title\": \"first\"}").get("id").asString();
        JsonNode job;
        do {
          Thread.sleep(20);
          job = gw.send("GET", "/api/v1/jobs/" + id + "/", null);
        } while (!job.get("status").asString().equals("SUCCEEDED") && !job.get("status").asString().equals("FAILED"));
        String logs = new String(gw.http.send(gw.request("/api/v1/jobs/" + id + "/logs/").build(),
            java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body(), StandardCharsets.UTF_8);
        Matcher m = FIRST.matcher(logs);
        if (!m.find()) {
          throw new IllegalStateException("job " + id + " printed no first line: " + logs);
        }
        if (i >= 0) {
          latencies[i] = (Long.parseLong(m.group(1)) - sent) * 1_000_000;
        }
      }
      System.out.printf("submit -> first line of a Java source program, %d jobs: %s%n", jobs,
          GatewayBenchClient.percentiles(latencies));
    }
    System.exit(0);
  }
}
