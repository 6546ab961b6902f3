package io.qserverless.gateway.runner;

import io.qserverless.gateway.config.GatewayConfig;
import io.qserverless.gateway.program.Launch;
import io.qserverless.gateway.program.PlatformClasspath;
import io.qserverless.gateway.sandbox.Confinement;
import io.qserverless.gateway.sandbox.Sandbox;
import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of a job process: the wrapper that holds the start, caps the log and records the
 * exit code, around the sandbox, around the program's own command.
 *
 * <p>The wrapper ({@code /bin/sh}, outside the sandbox) holds the program until the line {@code go}
 * on its standard input, which the gateway writes only once it has recorded the process in the
 * database; if the gateway dies before, the pipe closes, and the wrapper leaves {@code
 * not-started-<attempt>} and ends without the program having run, so no program ever runs
 * unrecorded (and none runs twice). A Java program's JVM boots meanwhile ({@link #bootsHeld}): the
 * sandbox and the JVM start at once under the platform's {@code Launcher}, which waits for the
 * {@code go} the wrapper passes on before it loads any class of the program; any other program
 * starts only after the {@code go}. The wrapper pipes the program's output through {@link JobLog}'s
 * cap into the log, waits for both, and only then writes the exit code to a file: the code is known
 * even when the gateway was down when the program ended, and a recorded code means a complete log.
 *
 * <p>Java programs run on the gateway's own JVM ({@code java.home}) with a heap sized from the
 * job's memory allotment, a processor count from its cpu allotment, the options of {@link
 * #jvmOptions} and its AOT cache when trained. The sandbox sees the JDK, the artifact, every class
 * path entry and its job directory read-only, the job's {@code work} directory and the owner's
 * files read-write, and nothing else of the gateway's. The wrapper writes only into the job
 * directory, which the job cannot change.
 *
 * <p>A job with workers: its wrapper also reads the job's log pipe (made by the runner before the
 * wrapper starts, so a worker never finds it missing) into the log, and each worker runs under a
 * wrapper of its own ({@link #worker}).
 */
final class JobCommand {
  private static final String WRAPPER =
      "d=\"$1\"; n=\"$2\"; chunk=\"$3\"; rotate=\"$4\"; fd3=\"$5\"; f=\"$6\"; jvm=\"$7\"; shift 7; "
          + "gate() { IFS= read -r go; if [ \"$go\" != go ]; then : > \"$d/not-started-$n\"; exit 125; fi; }; "
          + "if [ -z \"$jvm\" ]; then gate; fi; "
          + "{ if [ -n \"$f\" ]; then cat 0<> \"$f\" & fi; "
          + "if [ -n \"$jvm\" ]; then { gate; echo go; } | \"$@\" 3< \"$fd3\"; "
          + "else \"$@\" 3< \"$fd3\" < /dev/null; fi; echo $? > \"$d/exit-code.tmp\"; "
          + "if [ -n \"$f\" ]; then kill $!; fi; } 2>&1 "
          + "| SHELL=/bin/sh /usr/bin/split -a 9 -d -b \"$chunk\" --filter=\"$rotate\" - \"$d/"
          + JobLog.TAIL
          + "\"; "
          + "if [ -e \"$d/not-started-$n\" ]; then rm -f \"$d/exit-code.tmp\"; exit 125; fi; "
          + "mv \"$d/exit-code.tmp\" \"$d/exit-code\" && read c < \"$d/exit-code\" && exit \"$c\"";

  /**
   * The wrapper of a worker (/bin/sh, outside the sandbox): its output goes into the job's log pipe
   * (refused if that is not the pipe the job's wrapper made); it ends the worker when the job's
   * wrapper ends, whoever watches, so no worker outlives its job, even with the gateway down.
   */
  private static final String WORKER_WRAPPER =
      "f=\"$1\"; job=\"$2\"; fd3=\"$3\"; shift 3; "
          + "if [ ! -p \"$f\" ]; then echo \"$f is not the job's log pipe\" >&2; exit 125; fi; "
          + "\"$@\" 3< \"$fd3\" < /dev/null > \"$f\" 2>&1 & p=$!; "
          + "while kill -0 \"$job\" 2>/dev/null && kill -0 $p 2>/dev/null; do sleep 0.5; done; "
          + "kill $p 2>/dev/null; wait $p";

  private static final long MIB = 1024 * 1024;
  private static final long OPEN_FILES = 4096;

  /**
   * The worker JVM's main class, in the runtime module (on the job's class path, not the gateway's
   * compile path).
   */
  private static final String WORKER_MAIN = "io.qserverless.runtime.Worker";

  /**
   * The main class of a job's JVM that boots before its release: it runs the program's main class
   * once it reads {@code go} (runtime module).
   */
  private static final String LAUNCHER_MAIN = "io.qserverless.runtime.Launcher";

  /**
   * What the JVM or the dynamic linker reads as the JVM boots: a function setting one of them has
   * its program start after the release, so that nothing it names (an agent, a preloaded library)
   * runs before.
   */
  private static final List<String> BOOT_VARIABLES =
      List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

  static final String VECTOR_MODULE = "jdk.incubator.vector";
  private static final boolean VECTOR_API = ModuleFinder.ofSystem().find(VECTOR_MODULE).isPresent();

  /**
   * A cluster member's JIT compiles with C2 only what stays hot: ten times the default thresholds
   * (calls, loop iterations) of the optimizing tier. A Hazelcast member's start calls hundreds of
   * JDK and Hazelcast methods a few thousand times each; compiling them with C2 took more CPU than
   * anything else in the three JVMs of a starting cluster on 2 cores (docs/benchmarks.md). Code
   * that stays hot (a task's loops) still reaches C2, some milliseconds later.
   */
  private static final List<String> CLUSTER_JIT =
      List.of(
          "-XX:Tier4InvocationThreshold=50000",
          "-XX:Tier4MinInvocationThreshold=6000",
          "-XX:Tier4CompileThreshold=150000",
          "-XX:Tier4BackEdgeThreshold=400000");

  private JobCommand() {}

  /**
   * The whole environment of a job: what a JVM or shell needs (PATH with the gateway's JDK first,
   * HOME in the job's work directory, LANG), then the function's {@code env_vars}, then the in-job
   * {@code contract}, which nothing overrides. Nothing of the gateway's own environment.
   */
  static Map<String, String> environment(LaunchSpec spec, Path home, Map<String, String> contract) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(
        "PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/local/bin:/usr/bin:/bin");
    env.put("HOME", home.toString());
    env.put("LANG", "C.UTF-8");
    env.putAll(spec.functionEnv());
    env.putAll(contract);
    return env;
  }

  /** The job's process: {@code environment} reaches the program only, through the sandbox. */
  static Sandbox.Command of(
      LaunchSpec spec,
      JobDirectory dir,
      Map<String, String> environment,
      Sandbox sandbox,
      GatewayConfig.Limits limits,
      long user,
      JvmCaches caches)
      throws IOException {
    Launch launch = spec.launch();
    boolean cluster = spec.workers().clustered();
    AotCache cache = caches.of(cluster);
    List<Path> classpath = classpath(spec, cluster);
    List<Path> readOnly = readOnly(spec, dir, classpath, cache);
    List<String> program = new ArrayList<>();
    boolean held = bootsHeld(spec);
    if (held) {
      program.addAll(java(spec.driver(), classpath, LAUNCHER_MAIN, cluster, cache));
      program.add(launch.mainClass());
    } else if (launch.isJava()) {
      program.addAll(java(spec.driver(), classpath, launch.mainClass(), cluster, cache));
    } else {
      program.addAll(launch.command());
    }
    Sandbox.Command confined =
        sandbox.confine(
            confinement(
                spec, user, readOnly, dir.work(), spec.driver(), limits, scratch(dir.dir())),
            program,
            environment);
    List<String> argv =
        new ArrayList<>(
            List.of(
                "/bin/sh",
                "-c",
                WRAPPER,
                "qs-job",
                dir.dir().toString(),
                Integer.toString(spec.attempt()),
                Long.toString(JobLog.chunkBytes(limits.maxLogBytes())),
                JobLog.ROTATE,
                confined.fd3().toString(),
                cluster ? dir.logPipe().toString() : "",
                held ? "jvm" : ""));
    argv.addAll(confined.argv());
    return new Sandbox.Command(argv, confined.environment(), Path.of("/dev/null"));
  }

  /**
   * True when the job's JVM boots before the release (a Java program whose function sets none of
   * {@link #BOOT_VARIABLES} nor a dynamic linker variable, {@code LD_*}): what the platform runs
   * meanwhile is its own launcher, in the job's sandbox; the program's first class loads after.
   */
  static boolean bootsHeld(LaunchSpec spec) {
    return spec.launch().isJava()
        && spec.functionEnv().keySet().stream()
            .noneMatch(k -> BOOT_VARIABLES.contains(k) || k.startsWith("LD_"));
  }

  /**
   * A worker's process: its JVM ({@code io.qserverless.runtime.Worker} on the job's class path)
   * sized to {@code allotment}, in a sandbox of its own that sees what the job's sees but writes
   * only {@code work} (its own) and the owner's files; its output into the job's log; ended when
   * the job's wrapper ({@code jobPid}) ends.
   */
  static Sandbox.Command worker(
      LaunchSpec spec,
      JobDirectory dir,
      Path work,
      Allotment allotment,
      long jobPid,
      Map<String, String> environment,
      Sandbox sandbox,
      GatewayConfig.Limits limits,
      long user,
      JvmCaches caches)
      throws IOException {
    AotCache cache = caches.of(true);
    List<Path> classpath = classpath(spec, true);
    Sandbox.Command confined =
        sandbox.confine(
            confinement(
                spec,
                user,
                readOnly(spec, dir, classpath, cache),
                work,
                allotment,
                limits,
                scratch(work.getParent())),
            java(allotment, classpath, WORKER_MAIN, true, cache),
            environment);
    List<String> argv =
        new ArrayList<>(
            List.of(
                "/bin/sh",
                "-c",
                WORKER_WRAPPER,
                "qs-worker",
                dir.logPipe().toString(),
                Long.toString(jobPid),
                confined.fd3().toString()));
    argv.addAll(confined.argv());
    return new Sandbox.Command(argv, confined.environment(), Path.of("/dev/null"));
  }

  /**
   * What every process of the job sees read-only: the artifact, the JDK, the job directory, and for
   * a Java program its class path and its JVMs' AOT cache.
   */
  private static List<Path> readOnly(
      LaunchSpec spec, JobDirectory dir, List<Path> classpath, AotCache cache) {
    List<Path> readOnly =
        new ArrayList<>(
            List.of(spec.artifactDir(), Path.of(System.getProperty("java.home")), dir.dir()));
    if (spec.launch().isJava()) {
      readOnly.addAll(classpath);
      cache.file().ifPresent(readOnly::add);
    }
    return readOnly;
  }

  private static Confinement confinement(
      LaunchSpec spec,
      long user,
      List<Path> readOnly,
      Path work,
      Allotment allotment,
      GatewayConfig.Limits limits,
      Path scratch) {
    return new Confinement(
        user,
        spec.artifactDir().resolve("app"),
        readOnly,
        List.of(work, spec.dataDir()),
        allotment.memory(),
        limits.maxJobProcesses(),
        limits.maxJobDirBytes(),
        OPEN_FILES,
        scratch);
  }

  /** {@link #classpathPrefix}, the program's own entries, then the other platform entries. */
  private static List<Path> classpath(LaunchSpec spec, boolean cluster) {
    List<Path> classpath = new ArrayList<>(classpathPrefix(cluster));
    spec.launch().classpath().forEach(e -> classpath.add(spec.artifactDir().resolve(e)));
    PlatformClasspath.entries().stream()
        .filter(e -> !classpath.contains(e))
        .forEach(classpath::add);
    return classpath;
  }

  /**
   * Where the sandbox of the process whose directory is {@code home} (the job's, or a worker's) may
   * write what it needs to start (it holds the job's token); deleted when the process has ended.
   */
  static Path scratch(Path home) {
    return home.resolve(".sandbox-args");
  }

  /**
   * Where a job JVM's class path starts, before the program's own entries: the platform entries its
   * AOT cache holds ({@link JvmCaches}), the same whether or not the cache is ready, so a program
   * never sees its class path change. A JVM without workers starts with the runtime jar only (the
   * other platform jars follow the program's entries, opened only if used); the JVMs of a job with
   * workers start with every platform jar, as their cache holds Hazelcast's classes. A program
   * cannot depend on another version of a platform jar (refused at upload), so the order decides
   * only between copies of the same classes.
   */
  static List<Path> classpathPrefix(boolean cluster) {
    return cluster ? PlatformClasspath.runtimeFirst() : List.of(PlatformClasspath.runtime());
  }

  /**
   * The options of every job JVM besides its size, which its AOT cache is trained with too: {@code
   * -XX:+ExitOnOutOfMemoryError} so an OutOfMemoryError ends the process instead of leaving it half
   * alive; the serial GC, which starts fastest and costs no GC threads (most jobs are short and
   * small); the Vector API module, which the simulator's SIMD kernels need (its JDK warning line is
   * kept out of the job's log by {@link JobDirectory#logTail}); and for a member of a job's
   * cluster, Hazelcast's use of {@code sun.misc.Unsafe}, which JDK 24+ would otherwise report in
   * the log, and a JIT that leaves its start's code to C1 ({@link #CLUSTER_JIT}).
   */
  static List<String> jvmOptions(boolean cluster) {
    List<String> options =
        new ArrayList<>(List.of("-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC"));
    if (VECTOR_API) {
      options.add("--add-modules=" + VECTOR_MODULE);
    }
    if (cluster && Runtime.version().feature() >= 24) {
      options.add("--sun-misc-unsafe-memory-access=allow");
    }
    if (cluster) {
      options.addAll(CLUSTER_JIT);
    }
    return options;
  }

  /** A JVM sized to {@code allotment}: heap from its memory, processor count from its cpu. */
  private static List<String> java(
      Allotment allotment,
      List<Path> classpath,
      String mainClass,
      boolean cluster,
      AotCache cache) {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + Math.max(16, allotment.memory() * 3 / 4 / MIB) + "m",
                "-XX:ActiveProcessorCount=" + Math.max(1, (int) Math.ceil(allotment.cpu()))));
    cmd.addAll(jvmOptions(cluster));
    cmd.addAll(cache.options());
    String cp = String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList());
    cmd.addAll(List.of("-cp", cp, mainClass));
    return cmd;
  }
}
