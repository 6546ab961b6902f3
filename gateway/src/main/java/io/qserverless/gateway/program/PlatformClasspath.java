package io.qserverless.gateway.program;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

/**
 * The jars a Java program compiles and runs against: the platform part of the gateway's own class
 * path (the gateway depends on {@code runtime} at runtime scope, so its jars are there).
 *
 * <p>The platform is the {@code runtime}, {@code protocol} and {@code quantum} modules (jars by
 * name, or build output directories holding their packages), Jackson, which the protocol needs,
 * Hazelcast, which the cluster of a job with workers runs on, and Commons Compress with its Commons
 * dependencies, because stored files are tars and the JDK cannot read tars. The gateway's server
 * libraries (Javalin, Jetty, H2, Flyway...) are left out: a job must not see, and so come to depend
 * on, the server's internals, and a program's own copy of such a library must not meet a second
 * one.
 *
 * <p>Manifest {@code Class-Path} entries are expanded, because the CLI starts as {@code java -jar
 * qs.jar} with its jars listed only in that manifest, and javac and a child JVM both need them
 * spelled out.
 */
public final class PlatformClasspath {
  private static final Pattern PLATFORM_JAR =
      Pattern.compile(
          "(runtime|protocol|quantum|hazelcast|jackson-[\\w-]+|commons-(compress|io|lang3|codec))-\\d[^/]*\\.jar");
  private static final List<String> PLATFORM_PACKAGES = List.of("runtime", "protocol", "quantum");
  // After the patterns it uses: static fields initialize in order.
  private static final List<Path> ENTRIES =
      platformOf(expand(System.getProperty("java.class.path")));

  private PlatformClasspath() {}

  public static List<Path> entries() {
    return ENTRIES;
  }

  /** The entry of the {@code runtime} module (a jar, or its build directory). */
  public static Path runtime() {
    return ENTRIES.stream()
        .filter(PlatformClasspath::isRuntime)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no runtime module on " + ENTRIES));
  }

  /** The platform entries with the runtime module's first, the others in their order. */
  public static List<Path> runtimeFirst() {
    List<Path> out = new ArrayList<>(List.of(runtime()));
    ENTRIES.stream().filter(e -> !isRuntime(e)).forEach(out::add);
    return List.copyOf(out);
  }

  private static boolean isRuntime(Path entry) {
    return Files.isDirectory(entry)
        ? Files.isDirectory(entry.resolve("io/qserverless/runtime"))
        : entry.getFileName().toString().matches("runtime-\\d[^/]*\\.jar");
  }

  /** The platform entries of {@code classPath}, in their order. */
  private static List<Path> platformOf(List<Path> classPath) {
    return classPath.stream().filter(PlatformClasspath::isPlatform).toList();
  }

  private static boolean isPlatform(Path entry) {
    if (Files.isDirectory(entry)) {
      return PLATFORM_PACKAGES.stream()
          .anyMatch(p -> Files.isDirectory(entry.resolve("io/qserverless/" + p)));
    }
    return PLATFORM_JAR.matcher(entry.getFileName().toString()).matches();
  }

  static List<Path> expand(String classPath) {
    Set<Path> out = new LinkedHashSet<>();
    for (String e : classPath.split(File.pathSeparator)) {
      if (!e.isEmpty()) {
        add(Path.of(e).toAbsolutePath().normalize(), out);
      }
    }
    return List.copyOf(out);
  }

  private static void add(Path entry, Set<Path> out) {
    if (!Files.exists(entry) || !out.add(entry) || !entry.toString().endsWith(".jar")) {
      return;
    }
    try (JarFile jar = new JarFile(entry.toFile())) {
      String cp =
          jar.getManifest() == null
              ? null
              : jar.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
      if (cp == null) {
        return;
      }
      for (String item : cp.trim().split("\\s+")) {
        Path p = item.startsWith("file:") ? Path.of(URI.create(item)) : entry.resolveSibling(item);
        add(p.toAbsolutePath().normalize(), out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read class path jar " + entry, e);
    }
  }
}
