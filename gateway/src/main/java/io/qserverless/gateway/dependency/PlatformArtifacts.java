package io.qserverless.gateway.dependency;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The Maven coordinates of the platform jars every Java job already has on its classpath, read from
 * the {@code META-INF/maven/<group>/<artifact>/pom.properties} that Maven writes into a jar.
 *
 * <p>A program's dependency on one of these, in another version, would put two copies of the same
 * classes on one classpath, and which wins depends on the order: such a clash is refused at upload.
 * The project's own modules ({@code io.qserverless}) run from build directories in development,
 * which carry no pom.properties; {@link #isPlatformGroup} covers them by their group.
 */
final class PlatformArtifacts {
  static final String PLATFORM_GROUP = "io.qserverless";
  private final Map<String, String> versions;

  private PlatformArtifacts(Map<String, String> versions) {
    this.versions = Collections.unmodifiableMap(versions);
  }

  /** The coordinates of {@code entries} (jars and class directories of the platform). */
  static PlatformArtifacts of(List<Path> entries) {
    Map<String, String> versions = new HashMap<>();
    for (Path e : entries) {
      if (Files.isRegularFile(e) && e.toString().endsWith(".jar")) {
        read(e, versions);
      }
    }
    return new PlatformArtifacts(versions);
  }

  /** The platform's version of {@code groupId:artifactId}, or null when the platform has none. */
  String version(String groupId, String artifactId) {
    return versions.get(groupId + ":" + artifactId);
  }

  static boolean isPlatformGroup(String groupId) {
    return groupId.equals(PLATFORM_GROUP);
  }

  private static void read(Path jar, Map<String, String> versions) {
    try (JarFile j = new JarFile(jar.toFile())) {
      for (JarEntry entry : Collections.list(j.entries())) {
        String name = entry.getName();
        if (name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties")) {
          Properties p = new Properties();
          try (InputStream in = j.getInputStream(entry)) {
            p.load(in);
          }
          String g = p.getProperty("groupId");
          String a = p.getProperty("artifactId");
          String v = p.getProperty("version");
          if (g != null && a != null && v != null) {
            versions.put(g + ":" + a, v);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the platform jar " + jar, e);
    }
  }
}
