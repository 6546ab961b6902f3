package io.qserverless.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;

/**
 * Job start latency: from the client sending the run request to the program's first line, for a
 * Java source program (compiled once at upload), one job at a time: on a gateway whose jobs run in
 * the bubblewrap sandbox, each run taking the standby JVM booted after the previous one started
 * (the default); on one with {@code --standby-jvms 0}, whose every job boots its sandbox and JVM on
 * request; and on one started with {@code --no-sandbox}; against a bare {@code java -cp . Hello}
 * (process start to its first line) measured in the same run.
 *
 * <p>{@code ./qs bench GatewayStartLatency [jobs]} (default 30). The four are interleaved, one of
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
  private static final long STANDBY_BOOT_MILLIS = 1000;

  public static void main(String[] args) throws Exception {
    int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    ChildJvm.printMachine();
    Path bare = compiled();
    long[][] sandboxed = new long[2][jobs];
    long[][] onRequest = new long[2][jobs];
    long[][] unsandboxed = new long[2][jobs];
    long[][] java = new long[2][jobs];
    try (GatewayBenchClient boxed = new GatewayBenchClient(b -> {});
        GatewayBenchClient cold = new GatewayBenchClient(b -> b.standbyJvms(0));
        GatewayBenchClient open = new GatewayBenchClient(b -> b.noSandbox(true))) {
      for (GatewayBenchClient gw : List.of(boxed, cold, open)) {
        gw.upload("first", "First.java", PROGRAM);
        gw.awaitJvmCaches();
      }
      for (int i = -3; i < jobs; i++) { // three warm-up rounds
        long[] b = bareStart(bare);
        long[] s = jobStart(boxed);
        long[] c = jobStart(cold);
        long[] u = jobStart(open);
        for (int k = 0; k < 2 && i >= 0; k++) {
          java[k][i] = b[k];
          sandboxed[k][i] = s[k];
          onRequest[k][i] = c[k];
          unsandboxed[k][i] = u[k];
        }
      }
    }
    System.out.printf("submit -> first line of a Java source program, %d jobs each:%n", jobs);
    print("sandboxed, standby JVM:     ", sandboxed);
    print("sandboxed, JVM on request:  ", onRequest);
    print("unsandboxed, standby JVM:   ", unsandboxed);
    print("bare java -cp . Hello:      ", java);
    System.out.printf(
        "  p50 ratios to bare: sandboxed %.2fx, sandboxed with JVM on request %.2fx, unsandboxed"
            + " %.2fx%n",
        p50(sandboxed[0]) / p50(java[0]),
        p50(onRequest[0]) / p50(java[0]),
        p50(unsandboxed[0]) / p50(java[0]));
    System.exit(0);
  }

  /**
   * One kind's line: percentiles to the first line, and the p50 to the JVM's start (negative when
   * it booted before the run request).
   */
  private static void print(String kind, long[][] figures) {
    System.out.printf(
        "  %s%s; JVM started at p50 %+.0f ms%n",
        kind, GatewayBenchClient.percentiles(figures[0]), p50(figures[1]) / 1e6);
  }

  /**
   * One job: run request to its first line, and to its JVM's start (by the job's own clock), in ns.
   */
  private static long[] jobStart(GatewayBenchClient gw) throws IOException, InterruptedException {
    long sent = System.currentTimeMillis();
    long[] figures = since(sent, gw.runToEnd("{\"title\": \"first\"}"), "a job");
    // The gateway boots the next standby JVM now: let it finish before the next measurement, so
    // that no measurement shares the cores with it.
    Thread.sleep(STANDBY_BOOT_MILLIS);
    return figures;
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
