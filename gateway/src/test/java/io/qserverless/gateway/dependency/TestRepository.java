package io.qserverless.gateway.dependency;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * A Maven repository the test builds on disk (jars compiled from source, POMs, SHA-1 and MD5
 * checksum files, version metadata) and serves over loopback HTTP like a real one, counting the
 * requests per path. Stopping it is a repository outage.
 */
public final class TestRepository implements AutoCloseable {
  private final Path root;
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final HttpServer server;

  private TestRepository(Path root) throws IOException {
    this.root = root;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath().substring(1);
          requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
          Path file = root.resolve(path).normalize();
          boolean found = file.startsWith(root) && Files.isRegularFile(file);
          byte[] body = found ? Files.readAllBytes(file) : new byte[0];
          boolean head = exchange.getRequestMethod().equals("HEAD");
          exchange.sendResponseHeaders(found ? 200 : 404, head || !found ? -1 : body.length);
          if (!head && found) {
            exchange.getResponseBody().write(body);
          }
          exchange.close();
        });
    server.start();
  }

  /** An empty repository, served at once. */
  public static TestRepository start() {
    try {
      return new TestRepository(Files.createTempDirectory("qs-maven-repo"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The repository's HTTP URL (ends with a slash). */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** The repository's directory: also usable as a local (air-gapped) repository. */
  public Path directory() {
    return root;
  }

  /**
   * Publishes {@code group:artifact:version}: its jar holds {@code sources} (class name → Java
   * source) compiled against {@code classpath}, its POM lists {@code dependencies} (coordinates
   * group:artifact:version, compile scope).
   */
  public Path publish(
      String coordinates,
      Map<String, String> sources,
      List<Path> classpath,
      List<String> dependencies) {
    return publish(coordinates, jar(sources, classpath), pom(coordinates, dependencies, ""));
  }

  /**
   * Publishes the example the tests share: {@code com.example:greeting:1.0} (class {@code
   * com.example.greeting.Greeter}, {@code greet("world")} is "hello, world"), which needs {@code
   * com.example:words:1.0}; answers the two jars, greeting first.
   */
  public List<Path> publishGreeting() {
    Path words =
        publish(
            "com.example:words:1.0",
            Map.of(
                "com.example.words.Words",
                "package com.example.words; public class Words { public static String hello() { return \"hello\"; } }"),
            List.of(),
            List.of());
    Path greeting =
        publish(
            "com.example:greeting:1.0",
            Map.of(
                "com.example.greeting.Greeter",
                """
        package com.example.greeting;
        public class Greeter {
          public static String greet(String who) { return com.example.words.Words.hello() + ", " + who; }
        }
        """),
            List.of(words),
            List.of("com.example:words:1.0"));
    return List.of(greeting, words);
  }

  /**
   * Publishes {@code coordinates} with the given jar bytes and POM text; answers the jar's path.
   */
  public Path publish(String coordinates, byte[] jar, String pom) {
    String[] c = coordinates.split(":");
    Path dir = root.resolve(c[0].replace('.', '/')).resolve(c[1]).resolve(c[2]);
    String base = c[1] + "-" + c[2];
    try {
      Files.createDirectories(dir);
      Path jarFile = write(dir.resolve(base + ".jar"), jar);
      write(dir.resolve(base + ".pom"), pom.getBytes(StandardCharsets.UTF_8));
      writeMetadata(dir.getParent(), c[0], c[1]);
      return jarFile;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Publishes the jar of {@code coordinates} with a {@code classifier} beside its main artifact;
   * answers its path.
   */
  public Path publishClassified(String coordinates, String classifier, byte[] jar) {
    String[] c = coordinates.split(":");
    Path file =
        file(coordinates, "jar").resolveSibling(c[1] + "-" + c[2] + "-" + classifier + ".jar");
    try {
      return write(file, jar);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A POM for {@code coordinates} with {@code dependencies} ({@code group:artifact:version},
   * compile scope, or {@code group:artifact:version:scope}) and {@code extra} XML inside the
   * project.
   */
  public static String pom(String coordinates, List<String> dependencies, String extra) {
    String[] c = coordinates.split(":");
    StringBuilder deps = new StringBuilder();
    for (String d : dependencies) {
      String[] p = d.split(":");
      deps.append("<dependency><groupId>")
          .append(p[0])
          .append("</groupId><artifactId>")
          .append(p[1])
          .append("</artifactId><version>")
          .append(p[2])
          .append("</version>")
          .append(p.length > 3 ? "<scope>" + p[3] + "</scope>" : "")
          .append("</dependency>");
    }
    return "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion><groupId>"
        + c[0]
        + "</groupId><artifactId>"
        + c[1]
        + "</artifactId><version>"
        + c[2]
        + "</version><dependencies>"
        + deps
        + "</dependencies>"
        + extra
        + "</project>";
  }

  /**
   * Replaces the published SHA-1 and MD5 of the file {@code name} of {@code coordinates} with wrong
   * values.
   */
  public void corruptChecksums(String coordinates, String extension) {
    Path file = file(coordinates, extension);
    try {
      Files.writeString(Path.of(file + ".sha1"), "0".repeat(40));
      Files.writeString(Path.of(file + ".md5"), "0".repeat(32));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The published file of {@code coordinates} with {@code extension} (jar or pom). */
  public Path file(String coordinates, String extension) {
    String[] c = coordinates.split(":");
    return root.resolve(c[0].replace('.', '/'))
        .resolve(c[1])
        .resolve(c[2])
        .resolve(c[1] + "-" + c[2] + "." + extension);
  }

  /** How many requests asked for a path ending with {@code suffix}. */
  public int requests(String suffix) {
    return requests.entrySet().stream()
        .filter(e -> e.getKey().endsWith(suffix))
        .mapToInt(e -> e.getValue().get())
        .sum();
  }

  /** The SHA-256 of a file, computed here independently of the gateway. */
  public static String sha256(Path file) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stops serving: from now on the repository is down. */
  @Override
  public void close() {
    server.stop(0);
  }

  /** A jar of {@code sources} compiled with javac (release 21) against {@code classpath}. */
  public static byte[] jar(Map<String, String> sources, List<Path> classpath) {
    try {
      Path src = Files.createTempDirectory("qs-jar-src");
      Path out = Files.createDirectories(src.resolve("out"));
      List<String> args = new ArrayList<>(List.of("--release", "21", "-d", out.toString()));
      if (!classpath.isEmpty()) {
        args.addAll(
            List.of(
                "-classpath", String.join(":", classpath.stream().map(Path::toString).toList())));
      }
      for (var s : sources.entrySet()) {
        Path f = src.resolve(s.getKey().replace('.', '/') + ".java");
        Files.createDirectories(f.getParent());
        Files.writeString(f, s.getValue());
        args.add(f.toString());
      }
      if (ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new))
          != 0) {
        throw new IllegalStateException("test sources do not compile: " + sources.keySet());
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (JarOutputStream jar = new JarOutputStream(bytes);
          Stream<Path> files = Files.walk(out)) {
        for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
          jar.putNextEntry(new JarEntry(out.relativize(p).toString()));
          jar.write(Files.readAllBytes(p));
          jar.closeEntry();
        }
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path write(Path file, byte[] bytes) throws IOException {
    Files.write(file, bytes);
    Files.writeString(Path.of(file + ".sha1"), digest("SHA-1", bytes));
    Files.writeString(Path.of(file + ".md5"), digest("MD5", bytes));
    return file;
  }

  /**
   * The artifact-level maven-metadata.xml listing every published version (what version ranges
   * read).
   */
  private static void writeMetadata(Path artifactDir, String group, String artifact)
      throws IOException {
    StringBuilder versions = new StringBuilder();
    try (Stream<Path> dirs = Files.list(artifactDir)) {
      dirs.filter(Files::isDirectory)
          .map(d -> d.getFileName().toString())
          .sorted()
          .forEach(v -> versions.append("<version>").append(v).append("</version>"));
    }
    String xml =
        "<metadata><groupId>"
            + group
            + "</groupId><artifactId>"
            + artifact
            + "</artifactId><versioning><versions>"
            + versions
            + "</versions></versioning></metadata>";
    write(artifactDir.resolve("maven-metadata.xml"), xml.getBytes(StandardCharsets.UTF_8));
  }

  private static String digest(String algorithm, byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
