package io.qserverless.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;

/**
 * Job start latency: from the client sending the run request to the program's first line, for a
 * Java source program (compiled once at upload), one job at a time, on a gateway whose jobs run in
 * the bubblewrap sandbox and on one started with {@code --no-sandbox}; against a bare {@code java
 * -cp . Hello} (process start to its first line) measured in the same run.
 *
 * <p>{@code ./qs bench GatewayStartLatency [jobs]} (default 30). The three are interleaved, one of
 * each per round, so a change in the machine's load hits all of them alike. The gateways' job JVM
 * caches are trained before the first round (a gateway trains them once, at its first start). The
 * program prints the wall clock as its first line; gateway, client and job share this machine's
 * clock.
 */
public final class GatewayStartLatencyBench {
  private static final String PROGRAM =
      """
      public class First {
        public static void main(String[] args) {
          System.out.println("first " + System.currentTimeMillis() + " jvm "
              + java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
        }
      }
      """;
  private static final Pattern FIRST = Pattern.compile("first (\\d+) jvm (\\d+)");

  public static void main(String[] args) throws Exception {
    int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    ChildJvm.printMachine();
    Path bare = compiled();
    long[][] sandboxed = new long[2][jobs];
    long[][] unsandboxed = new long[2][jobs];
    long[][] java = new long[2][jobs];
    try (GatewayBenchClient boxed = new GatewayBenchClient(b -> {});
        GatewayBenchClient open = new GatewayBenchClient(b -> b.noSandbox(true))) {
      boxed.upload("first", "First.java", PROGRAM);
      open.upload("first", "First.java", PROGRAM);
      boxed.awaitJvmCaches();
      open.awaitJvmCaches();
      for (int i = -3; i < jobs; i++) { // three warm-up rounds
        long[] b = bareStart(bare);
        long[] s = jobStart(boxed);
        long[] u = jobStart(open);
        for (int k = 0; k < 2 && i >= 0; k++) {
          java[k][i] = b[k];
          sandboxed[k][i] = s[k];
          unsandboxed[k][i] = u[k];
        }
      }
    }
    System.out.printf("submit -> first line of a Java source program, %d jobs each:%n", jobs);
    System.out.printf(
        "  sandboxed (bubblewrap): %s; before the JVM started: p50 %.0f ms%n",
        GatewayBenchClient.percentiles(sandboxed[0]), p50(sandboxed[1]) / 1e6);
    System.out.printf(
        "  unsandboxed:            %s; before the JVM started: p50 %.0f ms%n",
        GatewayBenchClient.percentiles(unsandboxed[0]), p50(unsandboxed[1]) / 1e6);
    System.out.printf(
        "  bare java -cp . Hello:  %s; before the JVM started: p50 %.0f ms%n",
        GatewayBenchClient.percentiles(java[0]), p50(java[1]) / 1e6);
    System.out.printf(
        "  p50 ratios: sandboxed / bare %.2fx, unsandboxed / bare %.2fx, sandboxed / unsandboxed %.2fx%n",
        p50(sandboxed[0]) / p50(java[0]),
        p50(unsandboxed[0]) / p50(java[0]),
        p50(sandboxed[0]) / p50(unsandboxed[0]));
    System.exit(0);
  }

  /**
   * One job: run request to its first line, and to its JVM's start (by the job's own clock), in ns.
   */
  private static long[] jobStart(GatewayBenchClient gw) throws IOException, InterruptedException {
    long sent = System.currentTimeMillis();
    return since(sent, gw.runToEnd("{\"title\": \"first\"}"), "a job");
  }

  /** {@code java -cp . Hello}: process start to its first line, and to its JVM's start, in ns. */
  private static long[] bareStart(Path dir) throws IOException, InterruptedException {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    long start = System.currentTimeMillis();
    Process p =
        new ProcessBuilder(javaBin, "-cp", ".", "First")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return since(start, out, "bare java");
  }

  private static long[] since(long start, String output, String what) {
    Matcher m = FIRST.matcher(output);
    if (!m.find()) {
      throw new IllegalStateException(what + " printed no first line: " + output);
    }
    return new long[] {
      (Long.parseLong(m.group(1)) - start) * 1_000_000,
      (Long.parseLong(m.group(2)) - start) * 1_000_000
    };
  }

  private static Path compiled() throws IOException {
    Path dir = Files.createTempDirectory("qs-bench-bare");
    Path source = Files.writeString(dir.resolve("First.java"), PROGRAM);
    if (ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-d", dir.toString(), source.toString())
        != 0) {
      throw new IllegalStateException("javac failed on " + source);
    }
    return dir;
  }

  private static double p50(long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
