package io.qserverless.gateway.runner;

import io.qserverless.gateway.config.GatewayConfig;
import io.qserverless.gateway.program.Launch;
import io.qserverless.gateway.program.PlatformClasspath;
import io.qserverless.gateway.sandbox.Confinement;
import io.qserverless.gateway.sandbox.Sandbox;
import io.qserverless.protocol.JobEnvironment;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of a job process: the wrapper that holds the start, caps the log and records the
 * exit code, around the sandbox, around the program's own command.
 *
 * <p>The wrapper ({@code /bin/sh}, outside the sandbox) first waits for the line {@code go} on its
 * standard input, which the gateway writes only once it has recorded the process in the database;
 * if the gateway dies before, the pipe closes, and the wrapper leaves {@code not-started-<attempt>}
 * and exits without starting the program, so no program ever runs unrecorded (and none runs twice).
 * Then it pipes the program's output through {@link JobLog}'s cap into the log, waits for both, and
 * only then writes the exit code to a file: the code is known even when the gateway was down when
 * the program ended, and a recorded code means a complete log.
 *
 * <p>Java programs run on the gateway's own JVM ({@code java.home}) with a heap sized from the
 * job's memory allotment, a processor count from its cpu allotment, and {@code
 * -XX:+ExitOnOutOfMemoryError} so an OutOfMemoryError ends the process instead of leaving it half
 * alive. The sandbox sees the JDK, the artifact, every class path entry and its job directory
 * read-only, the job's {@code work} directory and the owner's files read-write, and nothing else of
 * the gateway's. The wrapper writes only into the job directory, which the job cannot change.
 */
final class JobCommand {
  private static final String WRAPPER =
      "d=\"$1\"; n=\"$2\"; chunk=\"$3\"; rotate=\"$4\"; fd3=\"$5\"; "
          + "shift 5; IFS= read -r go; if [ \"$go\" != go ]; then : > \"$d/not-started-$n\"; exit 125; fi; "
          + "{ \"$@\" 3< \"$fd3\" < /dev/null; echo $? > \"$d/exit-code.tmp\"; } 2>&1 "
          + "| SHELL=/bin/sh /usr/bin/split -a 9 -d -b \"$chunk\" --filter=\"$rotate\" - \"$d/"
          + JobLog.TAIL
          + "\"; "
          + "mv \"$d/exit-code.tmp\" \"$d/exit-code\" && read c < \"$d/exit-code\" && exit \"$c\"";
  private static final long MIB = 1024 * 1024;
  private static final long OPEN_FILES = 4096;

  /**
   * The worker JVM's main class, in the runtime module (on the job's class path, not the gateway's
   * compile path).
   */
  private static final String WORKER_MAIN = "io.qserverless.runtime.Worker";

  private JobCommand() {}

  /**
   * The whole environment of a job: what a JVM or shell needs (PATH with the gateway's JDK first,
   * HOME in the job's work directory, LANG), then the function's {@code env_vars}, then the in-job
   * {@code contract}, which nothing overrides. Nothing of the gateway's own environment.
   */
  static Map<String, String> environment(
      LaunchSpec spec, JobDirectory dir, Map<String, String> contract) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(
        "PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/local/bin:/usr/bin:/bin");
    env.put("HOME", dir.work().toString());
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
      long user)
      throws IOException {
    Launch launch = spec.launch();
    Path java = Path.of(System.getProperty("java.home"));
    List<Path> readOnly = new ArrayList<>(List.of(spec.artifactDir(), java, dir.dir()));
    List<String> program = new ArrayList<>();
    if (launch.isJava()) {
      List<Path> classpath = new ArrayList<>();
      launch.classpath().forEach(e -> classpath.add(spec.artifactDir().resolve(e)));
      classpath.addAll(PlatformClasspath.entries());
      readOnly.addAll(classpath);
      String cp = String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList());
      boolean cluster = !spec.workers().isEmpty();
      List<String> driver = java(spec.driver(), cp, launch.mainClass(), cluster);
      program.addAll(cluster ? withWorkers(spec.workers(), cp, driver) : driver);
    } else {
      program.addAll(launch.command());
    }
    Confinement confinement =
        new Confinement(
            user,
            spec.artifactDir().resolve("app"),
            readOnly,
            List.of(dir.work(), spec.dataDir()),
            spec.driver().memory(),
            limits.maxJobProcesses(),
            limits.maxJobDirBytes(),
            OPEN_FILES,
            scratch(dir));
    Sandbox.Command confined = sandbox.confine(confinement, program, environment);
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
                confined.fd3().toString()));
    argv.addAll(confined.argv());
    return new Sandbox.Command(argv, confined.environment(), Path.of("/dev/null"));
  }

  /**
   * Where the sandbox may write what it needs to start (it holds the job's token); deleted when the
   * job has ended.
   */
  static Path scratch(JobDirectory dir) {
    return dir.dir().resolve(".sandbox-args");
  }

  /**
   * A JVM sized to {@code allotment}: heap from its memory, processor count from its cpu. A member
   * of a job's cluster allows Hazelcast's use of {@code sun.misc.Unsafe}, which JDK 24+ would
   * otherwise report in the job's log.
   */
  private static List<String> java(
      Allotment allotment, String classpath, String mainClass, boolean cluster) {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + Math.max(16, allotment.memory() * 3 / 4 / MIB) + "m",
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:ActiveProcessorCount=" + Math.max(1, (int) Math.ceil(allotment.cpu())),
                // Most jobs are short and small: the serial GC starts fastest and costs no GC
                // threads.
                "-XX:+UseSerialGC",
                "-Xshare:auto"));
    if (cluster && Runtime.version().feature() >= 24) {
      cmd.add("--sun-misc-unsafe-memory-access=allow");
    }
    cmd.addAll(List.of("-cp", classpath, mainClass));
    return cmd;
  }

  /**
   * The driver with its worker JVMs beside it, in the job's one process tree (so in its sandbox,
   * its log, and its stop): a shell starts each worker (its number and allotment in its
   * environment, the cluster's in the job's), runs the driver, then ends the workers, which would
   * also end by themselves once the driver has left their cluster.
   */
  private static List<String> withWorkers(
      List<Allotment> workers, String classpath, List<String> driver) {
    StringBuilder script = new StringBuilder("w=; ");
    for (int i = 0; i < workers.size(); i++) {
      Allotment a = workers.get(i);
      script
          .append("env ")
          .append(JobEnvironment.WORKER_INDEX)
          .append('=')
          .append(i + 1)
          .append(' ')
          .append(JobEnvironment.JOB_CPU)
          .append('=')
          .append(a.cpu())
          .append(' ')
          .append(JobEnvironment.JOB_MEMORY)
          .append('=')
          .append(a.memory());
      java(a, classpath, WORKER_MAIN, true).forEach(arg -> script.append(' ').append(quoted(arg)));
      script.append(" & w=\"$w $!\"; ");
    }
    script.append("\"$@\"; c=$?; kill $w 2>/dev/null; wait; exit $c");
    List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", script.toString(), "qs-cluster"));
    cmd.addAll(driver);
    return cmd;
  }

  /** {@code arg} as one word of /bin/sh. */
  private static String quoted(String arg) {
    return "'" + arg.replace("'", "'\\''") + "'";
  }
}
