package io.qserverless.client.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes a working directory as a tar archive in memory: the artifact of a function upload.
 *
 * <p>Regular files only, paths relative to the directory with {@code /} separators, in sorted order
 * (the same directory gives the same bytes, so the gateway's content digest is stable). Long names
 * use the POSIX extension. Symbolic links are left out: the gateway would refuse them anyway.
 */
public final class TarArchive {
  private TarArchive() {}

  public static byte[] of(Path dir) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);
        Stream<Path> walk = Files.walk(dir)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      List<Path> files =
          walk.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
              .sorted()
              .toList();
      for (Path file : files) {
        String name =
            dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(Files.size(file));
        entry.setModTime(0);
        tar.putArchiveEntry(entry);
        Files.copy(file, tar);
        tar.closeArchiveEntry();
      }
      tar.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot pack the working directory " + dir + " as a tar", e);
    }
    return bytes.toByteArray();
  }
}
