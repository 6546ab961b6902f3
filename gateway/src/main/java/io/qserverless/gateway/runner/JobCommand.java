package io.qserverless.gateway.runner;

import io.qserverless.gateway.config.GatewayConfig;
import io.qserverless.gateway.job.Job;
import io.qserverless.gateway.job.JobDirectory;
import io.qserverless.gateway.program.Launch;
import io.qserverless.gateway.program.PlatformClasspath;
import io.qserverless.gateway.sandbox.Confinement;
import io.qserverless.gateway.sandbox.Sandbox;
import io.qserverless.protocol.Json;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;

/**
 * The command line of a job process: the wrapper that records the exit code and caps the log,
 * around the sandbox, around the program's own command.
 *
 * <p>The wrapper ({@code /bin/sh}, outside the sandbox) pipes the program's output through
 * {@link JobLog}'s cap into the log, waits for both, and only then writes the exit code to a file,
 * so the code is known even when the gateway was down when the program ended, and a recorded code
 * means a complete log. Java programs run on the gateway's own JVM ({@code java.home}) with a heap
 * sized from the job's memory allotment, a processor count from its cpu allotment, and {@code
 * -XX:+ExitOnOutOfMemoryError} so an OutOfMemoryError ends the process instead of leaving it half
 * alive. The sandbox sees every class path entry read-only, the job directory and the owner's files
 * read-write, and nothing else of the gateway's.
 */
final class JobCommand {
  private static final String WRAPPER = "f=\"$1\"; log=\"$2\"; head=\"$3\"; chunk=\"$4\"; tail=\"$5\"; fd3=\"$6\"; shift 6; "
      + "{ \"$@\" 3< \"$fd3\" < /dev/null; echo $? > \"$f.tmp\"; } 2>&1 | { /usr/bin/head -c \"$head\"; "
      + "SHELL=/bin/sh /usr/bin/split -a 9 -d -b \"$chunk\" --filter=\"$tail\" - \"$log\"; }; "
      + "mv \"$f.tmp\" \"$f\" && read c < \"$f\" && exit \"$c\"";
  private static final TypeReference<Map<String, String>> ENV_VARS = new TypeReference<>() {};
  private static final long MIB = 1024 * 1024;
  private static final long OPEN_FILES = 4096;

  private JobCommand() {}

  /** The job's process: {@code environment} reaches the program only, through the sandbox. */
  static Sandbox.Command of(Job job, Path artifactDir, JobDirectory dir, Path dataDir, Map<String, String> environment,
      Sandbox sandbox, GatewayConfig.Limits limits) throws IOException {
    Launch launch = job.launch();
    Path java = Path.of(System.getProperty("java.home"));
    List<Path> readOnly = new ArrayList<>(List.of(artifactDir, java));
    List<String> program = new ArrayList<>();
    if (launch.isJava()) {
      List<Path> classpath = new ArrayList<>();
      launch.classpath().forEach(e -> classpath.add(artifactDir.resolve(e)));
      classpath.addAll(PlatformClasspath.entries());
      readOnly.addAll(classpath);
      program.addAll(javaCommand(job, java, classpath, launch.mainClass()));
    } else {
      program.addAll(launch.command());
    }
    Confinement confinement = new Confinement(artifactDir.resolve("app"), readOnly, List.of(dir.dir(), dataDir),
        job.memory(), limits.maxJobProcesses(), limits.maxJobDirBytes(), OPEN_FILES, scratch(dir));
    Sandbox.Command confined = sandbox.confine(confinement, program, environment);
    List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", WRAPPER, "qs-job", dir.exitCode().toString(),
        JobLog.tailPrefix(dir).toString(), Long.toString(JobLog.headBytes(limits.maxLogBytes())),
        Long.toString(JobLog.chunkBytes(limits.maxLogBytes())), JobLog.ROTATE, confined.fd3().toString()));
    argv.addAll(confined.argv());
    return new Sandbox.Command(argv, confined.environment(), Path.of("/dev/null"));
  }

  /**
   * The whole environment of a job: what a JVM or shell needs (PATH with the gateway's JDK first,
   * HOME in the job's own directory, LANG), then the function's {@code env_vars}, then the in-job
   * {@code contract}, which nothing overrides. Nothing of the gateway's own environment.
   */
  static Map<String, String> environment(Job job, JobDirectory dir, Map<String, String> contract) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/local/bin:/usr/bin:/bin");
    env.put("HOME", dir.dir().toString());
    env.put("LANG", "C.UTF-8");
    env.putAll(Json.MAPPER.readValue(job.envVars(), ENV_VARS));
    env.putAll(contract);
    return env;
  }

  /** Where the sandbox may write what it needs to start; deleted when the job has ended. */
  static Path scratch(JobDirectory dir) {
    return dir.dir().resolve(".sandbox-args");
  }

  private static List<String> javaCommand(Job job, Path java, List<Path> classpath, String mainClass) {
    List<String> cmd = new ArrayList<>();
    cmd.add(java.resolve("bin/java").toString());
    cmd.add("-Xmx" + Math.max(16, job.memory() * 3 / 4 / MIB) + "m");
    cmd.add("-XX:+ExitOnOutOfMemoryError");
    cmd.add("-XX:ActiveProcessorCount=" + Math.max(1, (int) Math.ceil(job.cpu())));
    // Most jobs are short and small: the serial GC starts fastest and costs no GC threads.
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-Xshare:auto");
    cmd.add("-cp");
    cmd.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
    cmd.add(mainClass);
    return cmd;
  }
}
