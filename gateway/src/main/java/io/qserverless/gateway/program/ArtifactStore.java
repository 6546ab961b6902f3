package io.qserverless.gateway.program;

import io.qserverless.gateway.dependency.ResolvedDependency;
import io.qserverless.gateway.error.InvalidInputException;
import io.qserverless.protocol.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Immutable program artifacts on disk, one directory per content digest (tar bytes + entrypoint).
 *
 * <p>An upload is unpacked and compiled in a temporary directory and renamed into place only when
 * it is complete, so a failed upload leaves nothing behind and a running job's artifact never
 * changes under it. Uploading the same bytes twice reuses the first directory and its compiled
 * classes.
 */
public final class ArtifactStore {
  // Written last into a complete artifact: its presence means the same bytes were stored (and
  // compiled) before.
  private static final String LAUNCH = "launch.json";
  private final Path root;
  private final ArtifactUnpacker unpacker;

  /** A stored artifact: its key (directory name) and how to start it. */
  public record Artifact(String key, Launch launch) {}

  public ArtifactStore(Path root, long maxBytes, int maxEntries) {
    this.root = root;
    this.unpacker = new ArtifactUnpacker(maxBytes, maxEntries);
  }

  public Path directory(String key) {
    return root.resolve(key);
  }

  /**
   * Checks, unpacks, compiles (against {@code dependencies}) and stores an uploaded tar; refuses
   * unsafe or broken programs. The key covers the dependency jars too: the same tar compiled
   * against other jars is another artifact.
   */
  public Artifact store(InputStream tar, String entrypoint, List<ResolvedDependency> dependencies) {
    if (entrypoint == null
        || entrypoint.isBlank()
        || entrypoint.startsWith("/")
        || entrypoint.contains("..")) {
      throw new InvalidInputException(
          "The entrypoint '"
              + entrypoint
              + "' is not valid: give a path inside the uploaded directory, e.g. Main.java.");
    }
    Path tmp = root.resolve(".tmp-" + UUID.randomUUID());
    try {
      Files.createDirectories(tmp.resolve(LaunchPlanner.APP));
      MessageDigest sha = sha256();
      unpacker.unpack(new DigestInputStream(tar, sha), tmp.resolve(LaunchPlanner.APP));
      sha.update(entrypoint.getBytes(StandardCharsets.UTF_8));
      dependencies.forEach(
          d ->
              sha.update(
                  ("\n" + d.coordinates() + " " + d.sha256()).getBytes(StandardCharsets.UTF_8)));
      String key = HexFormat.of().formatHex(sha.digest());
      Path target = root.resolve(key);
      Path plan = target.resolve(LAUNCH);
      if (Files.exists(plan)) {
        return new Artifact(key, Json.MAPPER.readValue(plan.toFile(), Launch.class));
      }
      Launch launch = LaunchPlanner.plan(tmp, entrypoint, dependencies);
      Files.writeString(tmp.resolve(LAUNCH), Json.MAPPER.writeValueAsString(launch));
      moveInPlace(tmp, target);
      return new Artifact(key, launch);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the artifact", e);
    } finally {
      delete(tmp);
    }
  }

  private static void moveInPlace(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException
        | DirectoryNotEmptyException
        | AtomicMoveNotSupportedException e) {
      // Another upload of the same bytes won the race: its directory is identical.
    }
  }

  static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
