package io.qserverless.gateway.file;

import io.qserverless.gateway.error.TooLargeException;
import io.qserverless.gateway.sandbox.JobUsers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Files on the local filesystem under {@code <root>/<user id>/}. Writes go to a temporary file in
 * the same directory and are moved into place, so a reader (or a job) never sees half a file and a
 * refused upload leaves nothing.
 */
public final class LocalFileStore implements FileStore {
  static final int HEAD = 4096;
  private final Path root;
  private final JobUsers users;

  /**
   * Files under {@code root}, each user's owned by the OS user their jobs run as ({@code users}),
   * so jobs may read, change and delete them through {@code DATA_PATH}.
   */
  public LocalFileStore(Path root, JobUsers users) {
    this.root = root;
    this.users = users;
  }

  @Override
  public Path directory(long userId) {
    return root.resolve(Long.toString(userId));
  }

  @Override
  public List<String> list(long userId) throws IOException {
    Path dir = directory(userId);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    // Only what a download serves: no link, directory or other kind of file a job made there.
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith(".tmp-"))
          .sorted()
          .toList();
    }
  }

  @Override
  public boolean save(
      long userId, String name, InputStream content, long maxBytes, Predicate<byte[]> accept)
      throws IOException {
    Path dir = Files.createDirectories(directory(userId));
    users.own(dir, userId);
    Path tmp = Files.createTempFile(dir, ".tmp-", null);
    users.own(tmp, userId);
    try {
      long n;
      // The directory is also a job's DATA_PATH: never write or read through a link a job put
      // there.
      try (OutputStream out =
          Files.newOutputStream(tmp, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
        n = content.transferTo(out);
      }
      if (n > maxBytes) {
        throw new TooLargeException(
            "The file '"
                + name
                + "' is "
                + n
                + " bytes, over the cap of "
                + maxBytes
                + " bytes; split it or ask the operator to raise the cap.");
      }
      byte[] head;
      try (InputStream in = Files.newInputStream(tmp, LinkOption.NOFOLLOW_LINKS)) {
        head = in.readNBytes(HEAD);
      }
      if (!accept.test(head)) {
        return false;
      }
      Files.move(
          tmp,
          dir.resolve(name),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      return true;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  @Override
  public InputStream open(long userId, String name) throws IOException {
    Path file = directory(userId).resolve(name);
    // A job may have put a link here (it writes DATA_PATH): the gateway never reads through one.
    return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
        ? Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)
        : null;
  }

  @Override
  public boolean delete(long userId, String name) throws IOException {
    Path file = directory(userId).resolve(name);
    // A link is deleted itself, never what it points to; a directory a job made is no file.
    return !Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(file);
  }
}
