package io.qserverless.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job JVMs' AOT training, in real child JVMs: it starts its programs through the {@link
 * Launcher} with a {@code go} of its own, so a cache trained on it (as the gateway trains one)
 * holds the launcher's classes for every job JVM that starts through it.
 */
@Timeout(180)
class JobTrainingTest {
  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();

  @TempDir Path dir;

  @Test
  void the_training_runs_both_kinds_of_main_through_the_launcher_without_reading_its_input()
      throws Exception {
    Process p =
        new ProcessBuilder(JAVA, "-cp", runtimeClasses().toString(), JobTraining.class.getName())
            .redirectErrorStream(true)
            .start();
    // Its input stays open and empty: a training that waited for it would never end.
    try (OutputStream unwritten = p.getOutputStream()) {
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("ended without input").isTrue();
      assertThat(new String(p.getInputStream().readAllBytes()))
          .matches("trained at \\d+ with 0\ntrained at \\d+\n");
      assertThat(p.exitValue()).isZero();
    }
  }

  @Test
  void a_cache_trained_on_it_holds_the_launchers_classes_for_a_job_started_through_it()
      throws Exception {
    assumeTrue(Runtime.version().feature() >= 24, "AOT caches need JDK 24+");
    Path jar = runtimeJar();
    Path config = dir.resolve("job.aotconf");
    Path cache = dir.resolve("job.aot");
    java(
        "",
        "-XX:AOTMode=record",
        "-XX:AOTConfiguration=" + config,
        "-cp",
        jar.toString(),
        JobTraining.class.getName());
    java(
        "",
        "-XX:AOTMode=create",
        "-XX:+AOTClassLinking",
        "-XX:AOTConfiguration=" + config,
        "-XX:AOTCache=" + cache,
        "-cp",
        jar.toString());
    Path program = Files.createDirectories(dir.resolve("program"));
    Path source =
        Files.writeString(
            dir.resolve("Hello.java"),
            "public class Hello { public static void main(String[] a) {"
                + " System.out.println(\"hello \" + a.length); } }");
    assertThat(
            ToolProvider.getSystemJavaCompiler()
                .run(null, null, null, "-d", program.toString(), source.toString()))
        .isZero();
    Path loaded = dir.resolve("class-load.log");

    String out =
        java(
            "go\n",
            "-XX:AOTCache=" + cache,
            "-Xlog:class+load=info:file=" + loaded,
            "-cp",
            jar + ":" + program,
            Launcher.class.getName(),
            "Hello",
            "x");

    assertThat(out).isEqualTo("hello 1\n");
    assertThat(Files.readAllLines(loaded))
        .anyMatch(l -> l.contains(" io.qserverless.runtime.Launcher source: shared objects file"))
        .anyMatch(l -> l.contains(" io.qserverless.runtime.MainMethod source: shared objects file"))
        .anyMatch(l -> l.contains(" Hello source: file:" + program));
  }

  private static Path runtimeClasses() throws Exception {
    return Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** The runtime's classes as a jar: a cache's class path must be jars. */
  private Path runtimeJar() throws Exception {
    Path classes = runtimeClasses();
    Path jar = dir.resolve("runtime.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString()));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
    return jar;
  }

  /** A child JVM given {@code input}; its output, failing the test unless it exits 0. */
  private String java(String input, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(JAVA, "-XX:+UseSerialGC"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("stderr.txt").toFile()).start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(input.getBytes());
    }
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("ended: " + cmd).isTrue();
    assertThat(p.exitValue())
        .as(cmd + "\n" + out + Files.readString(dir.resolve("stderr.txt")))
        .isZero();
    return out;
  }
}
