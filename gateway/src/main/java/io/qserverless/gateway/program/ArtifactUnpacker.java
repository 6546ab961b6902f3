package io.qserverless.gateway.program;

import io.qserverless.gateway.error.InvalidInputException;
import io.qserverless.gateway.error.TooLargeException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks an uploaded tar (optionally gzipped) of a working directory, refusing anything unsafe.
 *
 * <p>Refused with 400: absolute paths, {@code ..} segments, links whose target leaves the
 * directory, device files and FIFOs, data that is not a tar. Refused with 413: more bytes or entries
 * than the caps. The caller unpacks into a fresh directory and deletes it on failure.
 */
final class ArtifactUnpacker {
  private final long maxBytes;
  private final int maxEntries;

  ArtifactUnpacker(long maxBytes, int maxEntries) {
    this.maxBytes = maxBytes;
    this.maxEntries = maxEntries;
  }

  void unpack(InputStream raw, Path root) throws IOException {
    InputStream in = new BufferedInputStream(new CappedInputStream(raw, maxBytes));
    in.mark(2);
    boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
    in.reset();
    int count = 0;
    try (TarArchiveInputStream tar = new TarArchiveInputStream(gzip ? new GzipCompressorInputStream(in) : in)) {
      TarArchiveEntry entry;
      while ((entry = nextEntry(tar)) != null) {
        if (++count > maxEntries) {
          throw new TooLargeException("The artifact has more than " + maxEntries
              + " entries; leave build outputs and data out of the uploaded directory.");
        }
        extract(tar, entry, root);
      }
    }
    if (count == 0) {
      throw new InvalidInputException(
          "The artifact is empty or not a tar archive; upload a tar of the program's working directory.");
    }
  }

  private static TarArchiveEntry nextEntry(TarArchiveInputStream tar) {
    try {
      return tar.getNextEntry();
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidInputException("The artifact is not a valid tar archive (" + e.getMessage()
          + "); upload a tar of the program's working directory.");
    }
  }

  private static void extract(TarArchiveInputStream tar, TarArchiveEntry entry, Path root) throws IOException {
    String name = entry.getName();
    Path target = inside(root, name, name);
    if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
      throw new InvalidInputException("The artifact entry '" + name
          + "' is a device file or FIFO; only files, directories and links inside it are allowed.");
    }
    if (entry.isDirectory()) {
      Files.createDirectories(target);
      return;
    }
    Files.createDirectories(target.getParent());
    if (entry.isSymbolicLink()) {
      String link = entry.getLinkName();
      linkInside(root, target.getParent(), name, link);
      Files.createSymbolicLink(target, Path.of(link));
    } else if (entry.isLink()) {
      Files.createLink(target, linkInside(root, root, name, entry.getLinkName()));
    } else if (entry.isFile()) {
      try (OutputStream out = Files.newOutputStream(target)) {
        tar.transferTo(out);
      }
      if ((entry.getMode() & 0100) != 0) {
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
  }

  private static Path inside(Path root, String path, String entryName) {
    if (path.startsWith("/") || path.contains("\0")) {
      throw new InvalidInputException("The artifact entry '" + entryName
          + "' has an absolute path; tar the directory with relative paths (tar -C dir -cf app.tar .).");
    }
    for (String part : path.split("[/\\\\]")) {
      if (part.equals("..")) {
        throw new InvalidInputException("The artifact entry '" + entryName
            + "' contains '..'; entries must stay inside the uploaded directory.");
      }
    }
    return root.resolve(path).normalize();
  }

  /** The link's target resolved from {@code base}; refused when it leaves {@code root}. */
  private static Path linkInside(Path root, Path base, String entryName, String link) {
    Path p = base.resolve(link).normalize();
    if (link.startsWith("/") || !p.startsWith(root)) {
      throw new InvalidInputException("The artifact entry '" + entryName + "' links to '" + link
          + "', outside the uploaded directory; links must point inside it.");
    }
    return p;
  }
}
