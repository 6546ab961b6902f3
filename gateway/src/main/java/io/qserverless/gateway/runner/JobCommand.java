package io.qserverless.gateway.runner;

import io.qserverless.gateway.config.GatewayConfig;
import io.qserverless.gateway.program.Launch;
import io.qserverless.gateway.program.PlatformClasspath;
import io.qserverless.gateway.sandbox.Confinement;
import io.qserverless.gateway.sandbox.Sandbox;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of a job process: the wrapper that holds the start, caps the log and records
 * the exit code, around the sandbox, around the program's own command.
 *
 * <p>The wrapper ({@code /bin/sh}, outside the sandbox) first waits for the line {@code go} on its
 * standard input, which the gateway writes only once it has recorded the process in the database;
 * if the gateway dies before, the pipe closes, and the wrapper leaves {@code not-started-<attempt>}
 * and exits without starting the program, so no program ever runs unrecorded (and none runs
 * twice). Then it pipes the program's output through {@link JobLog}'s cap into the log, waits for
 * both, and only then writes the exit code to a file: the code is known even when the gateway was
 * down when the program ended, and a recorded code means a complete log.
 *
 * <p>Java programs run on the gateway's own JVM ({@code java.home}) with a heap sized from the
 * job's memory allotment, a processor count from its cpu allotment, and {@code
 * -XX:+ExitOnOutOfMemoryError} so an OutOfMemoryError ends the process instead of leaving it half
 * alive. The sandbox sees the JDK, the artifact and every class path entry read-only, the job
 * directory and the owner's files read-write, and nothing else of the gateway's.
 */
final class JobCommand {
  private static final String WRAPPER = "d=\"$1\"; n=\"$2\"; chunk=\"$3\"; rotate=\"$4\"; fd3=\"$5\"; "
      + "shift 5; IFS= read -r go; if [ \"$go\" != go ]; then : > \"$d/not-started-$n\"; exit 125; fi; "
      + "{ \"$@\" 3< \"$fd3\" < /dev/null; echo $? > \"$d/exit-code.tmp\"; } 2>&1 "
      + "| SHELL=/bin/sh /usr/bin/split -a 9 -d -b \"$chunk\" --filter=\"$rotate\" - \"$d/" + JobLog.TAIL + "\"; "
      + "mv \"$d/exit-code.tmp\" \"$d/exit-code\" && read c < \"$d/exit-code\" && exit \"$c\"";
  private static final long MIB = 1024 * 1024;
  private static final long OPEN_FILES = 4096;

  private JobCommand() {}

  /**
   * The whole environment of a job: what a JVM or shell needs (PATH with the gateway's JDK first,
   * HOME in the job's own directory, LANG), then the function's {@code env_vars}, then the in-job
   * {@code contract}, which nothing overrides. Nothing of the gateway's own environment.
   */
  static Map<String, String> environment(LaunchSpec spec, JobDirectory dir, Map<String, String> contract) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/local/bin:/usr/bin:/bin");
    env.put("HOME", dir.dir().toString());
    env.put("LANG", "C.UTF-8");
    env.putAll(spec.functionEnv());
    env.putAll(contract);
    return env;
  }

  /** The job's process: {@code environment} reaches the program only, through the sandbox. */
  static Sandbox.Command of(LaunchSpec spec, JobDirectory dir, Map<String, String> environment, Sandbox sandbox,
      GatewayConfig.Limits limits) throws IOException {
    Launch launch = spec.launch();
    Path java = Path.of(System.getProperty("java.home"));
    List<Path> readOnly = new ArrayList<>(List.of(spec.artifactDir(), java));
    List<String> program = new ArrayList<>();
    if (launch.isJava()) {
      List<Path> classpath = new ArrayList<>();
      launch.classpath().forEach(e -> classpath.add(spec.artifactDir().resolve(e)));
      classpath.addAll(PlatformClasspath.entries());
      readOnly.addAll(classpath);
      program.addAll(javaCommand(spec, java, classpath, launch.mainClass()));
    } else {
      program.addAll(launch.command());
    }
    Confinement confinement = new Confinement(spec.artifactDir().resolve("app"), readOnly,
        List.of(dir.dir(), spec.dataDir()), spec.driver().memory(), limits.maxJobProcesses(), limits.maxJobDirBytes(),
        OPEN_FILES, scratch(dir));
    Sandbox.Command confined = sandbox.confine(confinement, program, environment);
    List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", WRAPPER, "qs-job", dir.dir().toString(),
        Integer.toString(spec.attempt()), Long.toString(JobLog.chunkBytes(limits.maxLogBytes())), JobLog.ROTATE,
        confined.fd3().toString()));
    argv.addAll(confined.argv());
    return new Sandbox.Command(argv, confined.environment(), Path.of("/dev/null"));
  }

  /** Where the sandbox may write what it needs to start (it holds the job's token); deleted when the job has ended. */
  static Path scratch(JobDirectory dir) {
    return dir.dir().resolve(".sandbox-args");
  }

  private static List<String> javaCommand(LaunchSpec spec, Path java, List<Path> classpath, String mainClass) {
    List<String> cmd = new ArrayList<>();
    cmd.add(java.resolve("bin/java").toString());
    cmd.add("-Xmx" + Math.max(16, spec.driver().memory() * 3 / 4 / MIB) + "m");
    cmd.add("-XX:+ExitOnOutOfMemoryError");
    cmd.add("-XX:ActiveProcessorCount=" + Math.max(1, (int) Math.ceil(spec.driver().cpu())));
    // Most jobs are short and small: the serial GC starts fastest and costs no GC threads.
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-Xshare:auto");
    cmd.add("-cp");
    cmd.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
    cmd.add(mainClass);
    return cmd;
  }
}
