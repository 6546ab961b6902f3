package io.qserverless.gateway.runner;

import io.qserverless.gateway.program.Launch;
import io.qserverless.gateway.program.PlatformClasspath;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of a job process: the start-and-exit-code wrapper around the program's own command.
 *
 * <p>The wrapper ({@code /bin/sh}) first waits for the line {@code go} on its standard input, which
 * the gateway writes only once it has recorded the process in the database; if the gateway dies
 * before, the pipe closes, and the wrapper leaves {@code not-started-<attempt>} and exits without
 * starting the program, so no program ever runs unrecorded (and none runs twice). Then it waits
 * for the program and writes its exit code to a file, so the code is known even when the gateway
 * was down when the program ended. Java programs run on the
 * gateway's own JVM ({@code java.home}) with a heap sized from the job's memory allotment, a
 * processor count from its cpu allotment, and {@code -XX:+ExitOnOutOfMemoryError} so an
 * OutOfMemoryError ends the process instead of leaving it half alive.
 */
final class JobCommand {
  private static final String WRAPPER = "d=\"$1\"; n=\"$2\"; shift 2; IFS= read -r go; "
      + "if [ \"$go\" != go ]; then : > \"$d/not-started-$n\"; exit 125; fi; "
      + "\"$@\" < /dev/null; c=$?; echo $c > \"$d/exit-code.tmp\" && mv \"$d/exit-code.tmp\" \"$d/exit-code\"; exit $c";
  private static final long MIB = 1024 * 1024;

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

  static List<String> of(LaunchSpec spec, JobDirectory dir) {
    List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", WRAPPER, "qs-job", dir.dir().toString(),
        Integer.toString(spec.attempt())));
    Launch launch = spec.launch();
    if (!launch.isJava()) {
      cmd.addAll(launch.command());
      return cmd;
    }
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + Math.max(16, spec.driver().memory() * 3 / 4 / MIB) + "m");
    cmd.add("-XX:+ExitOnOutOfMemoryError");
    cmd.add("-XX:ActiveProcessorCount=" + Math.max(1, (int) Math.ceil(spec.driver().cpu())));
    // Most jobs are short and small: the serial GC starts fastest and costs no GC threads.
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-Xshare:auto");
    List<String> cp = new ArrayList<>();
    launch.classpath().forEach(e -> cp.add(spec.artifactDir().resolve(e).toString()));
    PlatformClasspath.entries().forEach(e -> cp.add(e.toString()));
    cmd.add("-cp");
    cmd.add(String.join(File.pathSeparator, cp));
    cmd.add(launch.mainClass());
    return cmd;
  }
}
