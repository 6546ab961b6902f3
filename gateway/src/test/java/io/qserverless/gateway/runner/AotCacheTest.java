package io.qserverless.gateway.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A job JVM's AOT cache: trained from a jar of platform code, used by a JVM whose class path starts
 * with that jar, silent in the JVM's output when it cannot be used, and never made where the JDK
 * could not use it.
 */
class AotCacheTest {
  private static final List<String> FLAGS = List.of("-XX:+UseSerialGC");

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(AotCache.Format.class)
  void a_trained_cache_starts_the_jvm_and_a_stale_one_is_not_used(AotCache.Format format)
      throws Exception {
    assumeTrue(Runtime.version().feature() >= 24, "AOT caches need JDK 24+");
    Path jar =
        jar(
            "Trainer",
            "public class Trainer { public static void main(String[] a) {"
                + " System.out.println(\"trained \" + a.length); } }");
    Path program =
        classes(
            "Program",
            "public class Program { public static void main(String[] a)"
                + " { System.out.println(\"program \" + a.length); } }");
    AotCache cache =
        AotCache.of(dir.resolve("cache"), "job", format, List.of(jar), FLAGS, "Trainer");
    assertThat(cache.file()).isEmpty();
    assertThat(cache.options()).containsExactly("-Xshare:auto");

    cache.train();

    assertThat(cache.file()).isPresent();
    assertThat(cache.file().get()).isRegularFile();
    List<String> cp = List.of(jar.toString(), program.toString());
    assertThat(java(cache.options(), cp, "-Xlog:aot", "-Xlog:cds"))
        .contains(format == AotCache.Format.AOT ? "Opened AOT cache" : "Opened shared archive");
    assertThat(java(cache.options(), cp)).isEqualTo("program 0\n");

    // The same jar changed after training: the JDK refuses the old cache (silently), and the
    // gateway looks for a new one under another name.
    Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    assertThat(java(cache.options(), cp)).isEqualTo("program 0\n");
    AotCache changed =
        AotCache.of(dir.resolve("cache"), "job", format, List.of(jar), FLAGS, "Trainer");
    assertThat(changed.file()).isEmpty();
  }

  @Test
  void with_an_incubator_module_only_the_class_list_archive_keeps_the_lambdas() throws Exception {
    assumeTrue(Runtime.version().feature() >= 24, "AOT caches need JDK 24+");
    assumeTrue(
        ModuleFinder.ofSystem().find("jdk.incubator.vector").isPresent(),
        "needs the JDK's jdk.incubator.vector module");
    List<String> flags = List.of("-XX:+UseSerialGC", "--add-modules=jdk.incubator.vector");
    Path jar =
        jar(
            "Trainer",
            "public class Trainer { public static void main(String[] a) {"
                + " Runnable r = () -> System.out.println(\"trained\"); r.run(); } }");
    List<String> cp = List.of(jar.toString());
    for (AotCache.Format format : AotCache.Format.values()) {
      AotCache cache =
          AotCache.of(
              dir.resolve(format.name()), "cluster", format, List.of(jar), flags, "Trainer");
      cache.train();
      List<String> options = new ArrayList<>(flags);
      options.addAll(cache.options());
      String loaded = run(options, cp, "Trainer", "-Xlog:class+load");
      assertThat(loaded).contains("trained");
      String lambda =
          loaded.lines().filter(l -> l.contains("Trainer$$Lambda")).findFirst().orElseThrow();
      if (format == AotCache.Format.CLASS_LIST) {
        assertThat(lambda).contains("shared objects file");
      } else {
        assertThat(lambda).doesNotContain("shared objects file");
      }
    }
  }

  @Test
  void no_cache_for_a_platform_in_build_directories() {
    AotCache cache =
        AotCache.of(
            dir.resolve("cache"), "job", AotCache.Format.AOT, List.of(dir), FLAGS, "Trainer");
    cache.train();
    assertThat(cache.file()).isEmpty();
    assertThat(cache.options()).containsExactly("-Xshare:auto");
  }

  /** The output of {@code Program} in a JVM with {@code options} on {@code cp}. */
  private static String java(List<String> options, List<String> cp, String... more)
      throws IOException, InterruptedException {
    List<String> flags = new ArrayList<>(FLAGS);
    flags.addAll(options);
    return run(flags, cp, "Program", more);
  }

  /** The output of {@code main} in a JVM with {@code options} on {@code cp}. */
  private static String run(List<String> options, List<String> cp, String main, String... more)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(javaBin()));
    cmd.addAll(options);
    cmd.addAll(List.of(more));
    cmd.addAll(List.of("-cp", String.join(":", cp), main));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private Path classes(String name, String source) throws IOException {
    Path out = Files.createDirectories(dir.resolve(name));
    Path src = Files.writeString(dir.resolve(name + ".java"), source);
    assertThat(
            ToolProvider.getSystemJavaCompiler()
                .run(null, null, null, "-d", out.toString(), src.toString()))
        .isZero();
    return out;
  }

  private Path jar(String name, String source) throws IOException {
    Path classes = classes(name, source);
    Path jar = dir.resolve(name + ".jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry(name + ".class"));
      out.write(Files.readAllBytes(classes.resolve(name + ".class")));
      out.closeEntry();
    }
    return jar;
  }
}
