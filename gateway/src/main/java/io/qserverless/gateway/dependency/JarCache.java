package io.qserverless.gateway.dependency;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.eclipse.aether.artifact.Artifact;

/**
 * The jars jobs run with, stored once per content: {@code <root>/<sha256>/<artifact file name>}.
 *
 * <p>It exists beside Maven's local repository (the resolution cache, keyed by coordinates) because
 * that one is not immutable: a SNAPSHOT is overwritten by the next resolution of the same name, and
 * a job must run with exactly the jar its function version recorded. A file here is written to a
 * temporary name, then moved into place whole, and never changed, so a job's classpath entry cannot
 * change under it; the same content found again is not copied twice. Thread-safe: concurrent
 * uploads storing the same content race harmlessly.
 */
final class JarCache {
  private final Path root;

  JarCache(Path root) {
    this.root = root;
  }

  /**
   * Answers the cache entry of {@code a}'s resolved file, copying it in when its content is not
   * there yet. A hit costs one read (the digest), no write. A copy is named by the digest of the
   * bytes copied, taken in the same pass, so it is right even if the local repository's file was
   * replaced since the first read.
   */
  ResolvedDependency store(Artifact a) {
    Path source = a.getPath();
    String name = source.getFileName().toString();
    try {
      Path target = root.resolve(digest(Files.newInputStream(source))).resolve(name);
      if (!Files.exists(target)) {
        target = copyIn(source, name);
      }
      return new ResolvedDependency(
          a.toString(),
          target.getParent().getFileName().toString(),
          Files.size(target),
          target.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the dependency jar " + source, e);
    }
  }

  private Path copyIn(Path source, String name) throws IOException {
    Files.createDirectories(root);
    Path tmp = root.resolve(".tmp-" + UUID.randomUUID());
    try {
      MessageDigest sha = sha256();
      try (InputStream in = new DigestInputStream(Files.newInputStream(source), sha)) {
        Files.copy(in, tmp);
      }
      Path target = root.resolve(HexFormat.of().formatHex(sha.digest())).resolve(name);
      Files.createDirectories(target.getParent());
      tmp.toFile().setReadOnly();
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException e) {
        // Another upload stored the same content at the same moment: its file is identical.
      }
      return target;
    } finally {
      tmp.toFile().delete();
    }
  }

  private static String digest(InputStream in) throws IOException {
    MessageDigest sha = sha256();
    try (DigestInputStream d = new DigestInputStream(in, sha)) {
      d.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
