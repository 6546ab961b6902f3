package io.qserverless.gateway.program;

import io.qserverless.gateway.error.InvalidInputException;
import io.qserverless.gateway.error.TooLargeException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks an uploaded tar (optionally gzipped) of a working directory, refusing anything unsafe.
 *
 * <p>Nothing is ever written through a link: directories and files are written first, into a tree
 * that holds no links yet; hard links come next (to files already there), symbolic links last. Once
 * all links exist, each one's real target (as the kernel resolves it, through the other links) must
 * be inside the directory. Checking link targets as text is not enough: with {@code l -> .}, the
 * text {@code l/l/../..} normalizes to {@code .} but resolves two levels up.
 *
 * <p>Refused with 400: absolute paths, {@code ..} segments, names past the kernel's limits, links
 * whose real target leaves the directory or does not exist, device files and FIFOs, two entries of
 * one name, truncated or corrupt data, data that is not a tar. Refused with 413: more bytes (as
 * uploaded, and as unpacked: a small gzip may expand to gigabytes) or entries than the caps. The
 * caller unpacks into a fresh directory and deletes it on failure.
 */
final class ArtifactUnpacker {
  // Linux's NAME_MAX and PATH_MAX: longer names fail in the kernel, so they are refused up front.
  private static final int NAME_MAX = 255;
  private static final int PATH_MAX = 4096;
  private static final String NEXT_STEP =
      "; upload a tar of the program's working directory (tar -C dir -cf app.tar .).";
  private final long maxBytes;
  private final int maxEntries;

  ArtifactUnpacker(long maxBytes, int maxEntries) {
    this.maxBytes = maxBytes;
    this.maxEntries = maxEntries;
  }

  private record Link(String name, Path path, String target) {}

  void unpack(InputStream raw, Path dir) throws IOException {
    Path root = dir.toRealPath();
    InputStream in =
        new BufferedInputStream(
            new CappedInputStream(raw, maxBytes, "The artifact is larger than"));
    in.mark(2);
    boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
    in.reset();
    InputStream tarBytes =
        gzip
            ? new CappedInputStream(
                new GzipCompressorInputStream(in), maxBytes, "The artifact unpacks to more than")
            : in;
    List<Link> hardLinks = new ArrayList<>();
    List<Link> symbolicLinks = new ArrayList<>();
    int count = 0;
    try (TarArchiveInputStream tar = new TarArchiveInputStream(tarBytes)) {
      TarArchiveEntry entry;
      while ((entry = nextEntry(tar)) != null) {
        if (++count > maxEntries) {
          throw new TooLargeException(
              "The artifact has more than "
                  + maxEntries
                  + " entries; leave build outputs and data out of the uploaded directory.");
        }
        String name = entry.getName();
        Path path = inside(root, name);
        if (entry.isSymbolicLink()) {
          symbolicLinks.add(
              new Link(
                  name, path, textuallyInside(root, path.getParent(), name, entry.getLinkName())));
          directories(root, path.getParent(), name);
        } else if (entry.isLink()) {
          hardLinks.add(new Link(name, path, entry.getLinkName()));
          directories(root, path.getParent(), name);
        } else if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
          throw new InvalidInputException(
              "The artifact entry '"
                  + name
                  + "' is a device file or FIFO; only files, directories and links inside it are allowed.");
        } else if (entry.isDirectory()) {
          directories(root, path, name);
        } else if (entry.isFile()) {
          file(tar, entry, root, path);
        } else {
          throw new InvalidInputException(
              "The artifact entry '"
                  + name
                  + "' has the unsupported tar type '"
                  + (char) entry.getLinkFlag()
                  + "'; only files, directories and links are allowed.");
        }
      }
    }
    if (count == 0) {
      throw new InvalidInputException("The artifact is empty or not a tar archive" + NEXT_STEP);
    }
    for (Link l : hardLinks) {
      hardLink(root, l);
    }
    for (Link l : symbolicLinks) {
      create(l, () -> Files.createSymbolicLink(l.path(), Path.of(l.target())));
    }
    for (Link l : symbolicLinks) {
      checkRealTarget(root, l);
    }
  }

  private static TarArchiveEntry nextEntry(TarArchiveInputStream tar) {
    try {
      return tar.getNextEntry();
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidInputException(
          "The artifact is not a valid tar archive (" + why(e) + ")" + NEXT_STEP);
    }
  }

  private void file(TarArchiveInputStream tar, TarArchiveEntry entry, Path root, Path path)
      throws IOException {
    String name = entry.getName();
    if (entry.getSize() > maxBytes) {
      throw new TooLargeException(
          "The artifact entry '"
              + name
              + "' declares "
              + entry.getSize()
              + " bytes, over the artifact cap of "
              + maxBytes
              + " bytes; leave data out of the uploaded directory.");
    }
    directories(root, path.getParent(), name);
    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      throw duplicate(name);
    }
    // No link exists in the tree yet; NOFOLLOW_LINKS makes sure of it at the last step too.
    try (OutputStream out =
        Files.newOutputStream(
            path,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS)) {
      byte[] buf = new byte[64 * 1024];
      for (int n; (n = read(tar, buf, name)) > 0; ) {
        out.write(buf, 0, n);
      }
    }
    if ((entry.getMode() & 0100) != 0) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  /**
   * Reads entry data; a tar that ends before an entry's declared size is a broken upload, not a
   * gateway fault.
   */
  private static int read(TarArchiveInputStream tar, byte[] buf, String name) {
    try {
      return tar.read(buf);
    } catch (IOException e) {
      throw new InvalidInputException(
          "The artifact is truncated or corrupt in entry '"
              + name
              + "' ("
              + why(e)
              + ")"
              + NEXT_STEP);
    }
  }

  /**
   * What went wrong in words: a truncated gzip or tar ends in an EOFException without a message.
   */
  private static String why(Exception e) {
    if (e instanceof EOFException) {
      return "its data ends early: the upload or its gzip stream is truncated";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /**
   * Creates {@code dir} and its parents as real directories; refused where the archive has a file
   * of that name.
   */
  private static void directories(Path root, Path dir, String name) throws IOException {
    try {
      Files.createDirectories(dir);
    } catch (FileAlreadyExistsException e) {
      throw new InvalidInputException(
          "The artifact entry '"
              + name
              + "' needs '"
              + root.relativize(Path.of(e.getFile()))
              + "' as a directory, but the archive has a file of that name; give each path one entry.");
    }
  }

  private static void hardLink(Path root, Link l) throws IOException {
    Path source = inside(root, l.target());
    if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
      throw new InvalidInputException(
          "The artifact entry '"
              + l.name()
              + "' is a hard link to '"
              + l.target()
              + "', which is not a file in the archive; archive the file itself, or make the link point at one.");
    }
    create(l, () -> Files.createLink(l.path(), source));
  }

  private interface Creation {
    void run() throws IOException;
  }

  /**
   * Creates a link where nothing is yet; the parent chain was created as real directories, never
   * links.
   */
  private static void create(Link l, Creation creation) throws IOException {
    if (!l.path().getParent().toRealPath().equals(l.path().getParent())) {
      throw new InvalidInputException(
          "The artifact entry '"
              + l.name()
              + "' lies under a link; nothing is unpacked through a link, so archive the real directory instead.");
    }
    try {
      creation.run();
    } catch (FileAlreadyExistsException e) {
      throw duplicate(l.name());
    }
  }

  /**
   * The kernel's resolution of a link, through every other link of the archive, must end inside
   * {@code root}.
   */
  private static void checkRealTarget(Path root, Link l) throws IOException {
    Path real;
    try {
      real = l.path().toRealPath();
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(
          "The artifact entry '"
              + l.name()
              + "' links to '"
              + l.target()
              + "', which does not exist in the archive; remove the dangling link or archive its target.");
    } catch (FileSystemException e) {
      throw new InvalidInputException(
          "The artifact entry '"
              + l.name()
              + "' links to '"
              + l.target()
              + "', which cannot be resolved ("
              + e.getReason()
              + "); remove the link loop.");
    }
    if (!real.startsWith(root)) {
      throw outside(l.name(), l.target());
    }
  }

  /**
   * Where an entry name lands under {@code root}; refused when it is absolute, climbs, or passes
   * the kernel's limits.
   */
  private static Path inside(Path root, String name) {
    if (name.startsWith("/") || name.contains("\0")) {
      throw new InvalidInputException(
          "The artifact entry '" + name.replace('\0', '?') + "' has an absolute path" + NEXT_STEP);
    }
    if (name.getBytes(StandardCharsets.UTF_8).length + root.toString().length() + 1 > PATH_MAX) {
      throw new InvalidInputException(
          "The artifact entry '"
              + name.substring(0, 80)
              + "...' has a path of "
              + name.length()
              + " characters, past the system's limit of "
              + PATH_MAX
              + "; use shorter paths.");
    }
    for (String part : name.split("[/\\\\]")) {
      if (part.equals("..")) {
        throw new InvalidInputException(
            "The artifact entry '"
                + name
                + "' contains '..'; entries must stay inside the uploaded directory.");
      }
      if (part.getBytes(StandardCharsets.UTF_8).length > NAME_MAX) {
        throw new InvalidInputException(
            "The artifact entry '"
                + name.substring(0, 80)
                + "...' has a name part of "
                + part.length()
                + " characters, past the system's limit of "
                + NAME_MAX
                + " bytes; use shorter names.");
      }
    }
    return root.resolve(name).normalize();
  }

  /**
   * A first, textual check of a link target (absolute, or climbing out as written); the real one
   * comes later.
   */
  private static String textuallyInside(Path root, Path base, String name, String target) {
    if (target.isEmpty()
        || target.startsWith("/")
        || target.contains("\0")
        || !base.resolve(target).normalize().startsWith(root)) {
      throw outside(name, target);
    }
    return target;
  }

  private static InvalidInputException outside(String name, String target) {
    return new InvalidInputException(
        "The artifact entry '"
            + name
            + "' links to '"
            + target.replace('\0', '?')
            + "', outside the uploaded directory; links must point inside it.");
  }

  private static InvalidInputException duplicate(String name) {
    return new InvalidInputException(
        "The artifact has two entries named '"
            + name
            + "' (e.g. a link and a directory); give each path one entry.");
  }
}
