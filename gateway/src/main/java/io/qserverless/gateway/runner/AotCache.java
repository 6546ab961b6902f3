package io.qserverless.gateway.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ahead-of-time cache of one kind of job JVM (JDK 24+, JEP 483 and 515, or a CDS archive: {@link
 * Format}): the classes it loads and links as it starts, and their method profiles, recorded from a
 * training run of platform code and mapped by every later JVM of that kind instead of being loaded
 * again.
 *
 * <p>The JDK uses a cache only for a JVM whose flags match the training's and whose class path
 * starts with the training's ({@link #prefix}, platform jars only), jar sizes and times included;
 * the file's name carries a digest of the JDK, the flags and those jars, so a changed platform gets
 * a new cache. It is trained once, by the gateway in the background, and kept in the gateway's data
 * directory; until it is ready, or where it cannot be had (an older JDK, the platform in build
 * directories rather than jars, a failed training), JVMs start without it, equally correct.
 * Thread-safe.
 */
final class AotCache {
  /** How a cache is made from its training run and mapped by a JVM. */
  enum Format {
    /** The JDK's AOT cache: classes loaded and linked ahead of time, with their method profiles. */
    AOT(".aot"),
    /**
     * A CDS archive dumped from the class list of the training run. Unlike the AOT cache it also
     * keeps the classes the JDK spins for lambdas when an incubator module (the Vector API) is
     * added: JDK 25 links call sites ahead of time only with an archived module graph, which an
     * incubator module rules out, so an AOT cache then keeps none of them. A Hazelcast member makes
     * ~1,500 as it starts (docs/benchmarks.md: ~30% less CPU for a cluster's start).
     */
    CLASS_LIST(".jsa");

    private final String suffix;

    Format(String suffix) {
      this.suffix = suffix;
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(AotCache.class);
  private static final int MIN_FEATURE = 24;
  private static final long TRAINING_TIMEOUT_MINUTES = 5;
  private final String name;
  private final Format format;
  private final List<Path> prefix;
  private final List<String> flags;
  private final String trainer;
  private final Path file;
  private volatile boolean ready;

  private AotCache(
      String name,
      Format format,
      List<Path> prefix,
      List<String> flags,
      String trainer,
      Path file) {
    this.name = name;
    this.format = format;
    this.prefix = List.copyOf(prefix);
    this.flags = List.copyOf(flags);
    this.trainer = trainer;
    this.file = file;
    this.ready = file != null && Files.isRegularFile(file);
  }

  /**
   * The cache {@code name} in {@code dir} for JVMs started with {@code flags} on a class path that
   * starts with {@code prefix}, trained on the main class {@code trainer} (in the prefix); one that
   * is never ready where none can be had.
   */
  static AotCache of(
      Path dir, String name, Format format, List<Path> prefix, List<String> flags, String trainer) {
    boolean usable =
        Runtime.version().feature() >= MIN_FEATURE
            && !prefix.isEmpty()
            && prefix.stream()
                .allMatch(p -> p.toString().endsWith(".jar") && Files.isRegularFile(p));
    return new AotCache(
        name,
        format,
        prefix,
        flags,
        trainer,
        usable ? dir.resolve(name + "-" + digest(prefix, flags) + format.suffix) : null);
  }

  /** The cache file, once trained. */
  Optional<Path> file() {
    return ready ? Optional.of(file) : Optional.empty();
  }

  /** The class path entries a JVM using the cache must start with, in this order. */
  List<Path> prefix() {
    return prefix;
  }

  /**
   * The JVM options that use the cache when it is ready, and the default CDS archive when not. The
   * JDK reports a cache it cannot use on the JVM's output, which is the job's log: those lines are
   * turned off, and such a JVM simply starts without it.
   */
  List<String> options() {
    if (!ready) {
      return List.of("-Xshare:auto");
    }
    return switch (format) {
      case AOT -> List.of("-XX:AOTCache=" + file, "-Xlog:aot*=off");
      case CLASS_LIST -> List.of("-XX:SharedArchiveFile=" + file, "-Xlog:cds*=off,aot*=off");
    };
  }

  /**
   * Trains the cache unless it is ready or cannot be had: records a run of the trainer (its AOT
   * configuration, or its class list), then creates the cache from that record (both with the JVMs'
   * own flags), at a lower priority than jobs. Blocks until done; a failure is logged and leaves
   * JVMs without the cache.
   */
  void train() {
    if (ready || file == null) {
      return;
    }
    Path config = file.resolveSibling(file.getFileName() + ".config");
    Path made = file.resolveSibling(file.getFileName() + ".tmp");
    Path log = file.resolveSibling(name + "-training.log");
    String cp = String.join(":", prefix.stream().map(Path::toString).toList());
    long started = System.nanoTime();
    try {
      Files.createDirectories(file.getParent());
      switch (format) {
        case AOT -> {
          run(log, "-XX:AOTMode=record", "-XX:AOTConfiguration=" + config, "-cp", cp, trainer);
          run(
              log,
              "-XX:AOTMode=create",
              "-XX:+AOTClassLinking",
              "-XX:AOTConfiguration=" + config,
              "-XX:AOTCache=" + made,
              "-cp",
              cp);
        }
        case CLASS_LIST -> {
          run(log, "-XX:DumpLoadedClassList=" + config, "-cp", cp, trainer);
          run(
              log,
              "-Xshare:dump",
              "-XX:SharedClassListFile=" + config,
              "-XX:SharedArchiveFile=" + made,
              "-cp",
              cp);
        }
      }
      Files.move(made, file, StandardCopyOption.ATOMIC_MOVE);
      ready = true;
      LOG.info(
          "AOT cache of {} JVMs ready in {} s: {}",
          name,
          TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started),
          file);
    } catch (IOException e) {
      LOG.warn(
          "no AOT cache of {} JVMs ({}); they start without it. See {}", name, e.getMessage(), log);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      try {
        Files.deleteIfExists(config);
        Files.deleteIfExists(made);
      } catch (IOException e) {
        LOG.debug("cannot delete what training left", e);
      }
    }
  }

  private void run(Path log, String... step) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/nice"))) {
      cmd.addAll(List.of("/usr/bin/nice", "-n", "10"));
    }
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(flags);
    cmd.addAll(List.of(step));
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    if (!p.waitFor(TRAINING_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IOException("training did not end within " + TRAINING_TIMEOUT_MINUTES + " min");
    }
    if (p.exitValue() != 0) {
      throw new IOException("training step " + step[0] + " exited with " + p.exitValue());
    }
  }

  /**
   * What the JDK checks the cache against: itself, the flags, and each jar's path, size and time.
   */
  private static String digest(List<Path> prefix, List<String> flags) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      List<String> parts = new ArrayList<>();
      parts.add(System.getProperty("java.home"));
      parts.add(System.getProperty("java.vm.version"));
      parts.addAll(flags);
      for (Path p : prefix) {
        parts.add(p + " " + Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis());
      }
      d.update(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d.digest(), 0, 8);
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot key the AOT cache of " + prefix, e);
    }
  }
}
