package io.qserverless.bench;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * A standby job JVM's start: {@code io.qserverless.runtime.Launcher} booted ahead and waiting, from
 * writing {@code go} to the program's first line, against a plain cold {@code java -cp . First}
 * (process start to its first line) measured in the same run; also how long a standby takes to boot
 * (spawn to waiting for {@code go}) and, for comparison, the same program as a plain main with the
 * job JVM's options. The job JVMs' options and AOT cache as the gateway makes them: trained on
 * {@code JobTraining} into a temporary directory first; the class path a job's: the runtime jar,
 * the program, the other platform jars.
 *
 * <p>{@code ./qs bench LauncherStart [rounds]} (default 30), the variants interleaved one of each
 * per round. The program's first line prints {@link System#nanoTime}, which on Linux is the same
 * monotonic clock in every process. Readiness is the launcher's main thread blocked reading fd 0
 * ({@code /proc/<pid>/task/<tid>/syscall}, polled each millisecond), so Linux only.
 */
public final class LauncherStartBench {
  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();

  /** As the gateway's {@code JobCommand.jvmOptions(false)} (a job without workers). */
  private static final List<String> JOB_OPTIONS =
      List.of(
          "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "--add-modules=jdk.incubator.vector");

  private static final String PROGRAM =
      "public class First { public static void main(String[] args) {"
          + " System.out.println(\"first \" + System.nanoTime()); } }";
  private static final Pattern FIRST = Pattern.compile("first (\\d+)");
  private static final Pattern PLATFORM_JAR =
      Pattern.compile("(runtime|protocol|quantum|hazelcast|jackson-.*|commons-.*)-\\d.*\\.jar");

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    ChildJvm.printMachine();
    Path dir = Files.createTempDirectory("qs-bench-launcher");
    try {
      Path program = compile(dir);
      List<Path> platform = platformJars();
      Path runtime = platform.getFirst();
      Path cache = train(dir, runtime);
      List<String> job = new ArrayList<>(List.of(JAVA));
      job.addAll(JOB_OPTIONS);
      job.addAll(
          List.of("-XX:AOTCache=" + cache, "-Xlog:aot*=off", "-cp", classpath(program, platform)));
      List<String> launcher = new ArrayList<>(job);
      launcher.addAll(List.of("io.qserverless.runtime.Launcher", "First"));
      List<String> plainMain = new ArrayList<>(job);
      plainMain.add("First");
      List<String> bare = List.of(JAVA, "-cp", program.toString(), "First");

      long[][] standby = new long[2][rounds];
      long[] cold = new long[rounds];
      long[] plain = new long[rounds];
      for (int i = -3; i < rounds; i++) { // three warm-up rounds
        long b = coldStart(bare);
        long[] s = standbyStart(launcher);
        long p = coldStart(plainMain);
        if (i >= 0) {
          cold[i] = b;
          standby[0][i] = s[0];
          standby[1][i] = s[1];
          plain[i] = p;
        }
      }
      System.out.printf("%d rounds, one of each per round:%n", rounds);
      System.out.printf("  bare java -cp . First, start -> first line:     %s%n", stats(cold));
      System.out.printf(
          "  standby launcher, go -> first line:             %s%n", stats(standby[1]));
      System.out.printf(
          "  standby launcher, spawn -> waiting for go:      %s%n", stats(standby[0]));
      System.out.printf("  job options + cache, plain main, start -> line: %s%n", stats(plain));
      System.out.printf(
          "  p50 ratio go -> first line / bare start: %.3fx%n", p50(standby[1]) / p50(cold));
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    System.exit(0);
  }

  /** Process start to the first line's clock, in ns. */
  private static long coldStart(List<String> cmd) throws IOException, InterruptedException {
    long started = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    p.getOutputStream().close();
    return firstLine(p) - started;
  }

  /** Spawn to waiting for go, and go to the first line's clock, in ns. */
  private static long[] standbyStart(List<String> cmd) throws IOException, InterruptedException {
    long spawned = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    long waiting = awaitReadingStdin(p) - spawned;
    try (OutputStream in = p.getOutputStream()) {
      long go = System.nanoTime();
      in.write("go\n".getBytes(StandardCharsets.US_ASCII));
      in.flush();
      return new long[] {waiting, firstLine(p) - go};
    }
  }

  /**
   * When the JVM's main thread (the thread still named {@code java}: the JVM names its own) is
   * first seen blocked in read(0, ...): polls each millisecond, so the poller costs the JVM it
   * watches little of the machine's two cores.
   */
  private static long awaitReadingStdin(Process p) throws IOException, InterruptedException {
    Path tasks = Path.of("/proc", Long.toString(p.pid()), "task");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      try (Stream<Path> threads = Files.list(tasks)) {
        for (Path t : threads.toList()) {
          try {
            // "0 0x0 ..." is read(2) (syscall 0 on x86-64) on fd 0.
            if (Files.readString(t.resolve("comm")).equals("java\n")
                && Files.readString(t.resolve("syscall")).startsWith("0 0x0 ")) {
              return System.nanoTime();
            }
          } catch (IOException threadEnded) {
            // a JVM thread that ended meanwhile
          }
        }
      }
      Thread.sleep(1);
    }
    p.destroyForcibly();
    throw new IllegalStateException("the launcher did not wait for go within 30 s");
  }

  private static long firstLine(Process p) throws IOException, InterruptedException {
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    Matcher m = FIRST.matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("no first line (exit " + p.exitValue() + "): " + out);
    }
    return Long.parseLong(m.group(1));
  }

  /** The job AOT cache as the gateway trains it (record, then create, on JobTraining). */
  private static Path train(Path dir, Path runtime) throws IOException, InterruptedException {
    Path config = dir.resolve("job.aotconf");
    Path cache = dir.resolve("job.aot");
    java(
        "-XX:AOTMode=record",
        "-XX:AOTConfiguration=" + config,
        "-cp",
        runtime.toString(),
        "io.qserverless.runtime.JobTraining");
    java(
        "-XX:AOTMode=create",
        "-XX:+AOTClassLinking",
        "-XX:AOTConfiguration=" + config,
        "-XX:AOTCache=" + cache,
        "-cp",
        runtime.toString());
    return cache;
  }

  private static void java(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(JAVA));
    cmd.addAll(JOB_OPTIONS);
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("cache training failed: " + cmd + "\n" + out);
    }
  }

  /** The platform jars of this class path, the runtime's first. */
  private static List<Path> platformJars() {
    List<Path> jars = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(e);
      if (PLATFORM_JAR.matcher(p.getFileName().toString()).matches()) {
        jars.add(p);
      }
    }
    jars.sort(Comparator.comparing(p -> !p.getFileName().toString().startsWith("runtime-")));
    if (jars.isEmpty() || !jars.getFirst().getFileName().toString().startsWith("runtime-")) {
      throw new IllegalStateException("no runtime jar on " + System.getProperty("java.class.path"));
    }
    return jars;
  }

  /** A job's class path: the runtime jar, the program, the other platform jars. */
  private static String classpath(Path program, List<Path> platform) {
    List<String> cp = new ArrayList<>(List.of(platform.getFirst().toString(), program.toString()));
    platform.stream().skip(1).forEach(p -> cp.add(p.toString()));
    return String.join(File.pathSeparator, cp);
  }

  private static Path compile(Path dir) throws IOException {
    Path program = Files.createDirectories(dir.resolve("program"));
    Path source = Files.writeString(dir.resolve("First.java"), PROGRAM);
    if (ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-d", program.toString(), source.toString())
        != 0) {
      throw new IllegalStateException("javac failed on " + source);
    }
    return program;
  }

  private static String stats(long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return String.format(
        "p50 %.1f ms, min %.1f, max %.1f",
        s[s.length / 2] / 1e6, s[0] / 1e6, s[s.length - 1] / 1e6);
  }

  private static double p50(long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
