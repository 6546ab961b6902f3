package io.qserverless.gateway.program;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/**
 * The jars a Java program compiles and runs against: the gateway's own class path, which holds
 * the {@code runtime} module and its dependencies (the gateway depends on runtime at runtime scope).
 *
 * <p>Manifest {@code Class-Path} entries are expanded, because the CLI starts as {@code java -jar
 * qs.jar} with its jars listed only in that manifest, and javac and a child JVM both need them
 * spelled out.
 */
public final class PlatformClasspath {
  private static final List<Path> ENTRIES = expand(System.getProperty("java.class.path"));

  private PlatformClasspath() {}

  public static List<Path> entries() {
    return ENTRIES;
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
      String cp = jar.getManifest() == null ? null
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
