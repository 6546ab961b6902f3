package io.qserverless.gateway.dependency;

import java.io.IOException;
import java.io.InputStream;
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
 * <p>It exists beside Maven's local repository (the resolution cache, keyed by coordinates)
 * because that one is not immutable: a SNAPSHOT is overwritten by the next resolution of the same
 * name, and a job must run with exactly the jar its function version recorded. A file here is
 * written to a temporary name, then moved into place whole, and never changed, so a job's
 * classpath entry cannot change under it; the same content found again is not copied twice.
 */
final class JarCache {
  private final Path root;

  JarCache(Path root) {
    this.root = root;
  }

  /**
   * Copies {@code a}'s resolved file into the cache (if not there yet) and answers its entry. The
   * copy and its digest are taken in one pass, so the digest is that of the bytes stored even if
   * the local repository's file is replaced meanwhile.
   */
  ResolvedDependency store(Artifact a) {
    Path source = a.getPath();
    Path tmp = root.resolve(".tmp-" + UUID.randomUUID());
    try {
      Files.createDirectories(root);
      MessageDigest sha = sha256();
      try (InputStream in = new DigestInputStream(Files.newInputStream(source), sha)) {
        Files.copy(in, tmp);
      }
      String hex = HexFormat.of().formatHex(sha.digest());
      Path target = root.resolve(hex).resolve(source.getFileName().toString());
      if (!Files.exists(target)) {
        Files.createDirectories(target.getParent());
        tmp.toFile().setReadOnly();
        try {
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
          // Another upload stored the same content at the same moment: its file is identical.
        }
      }
      return new ResolvedDependency(a.toString(), hex, Files.size(target), target.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the dependency jar " + source, e);
    } finally {
      tmp.toFile().delete();
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
