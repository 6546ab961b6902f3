package io.qserverless.runtime;

import io.qserverless.protocol.http.FilesApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The owner's files, shared by all of the owner's functions, as a program sees them: the {@code
 * DATA_PATH} directory, and the gateway's Files API (flat; tar, gzip, h5, json, zip, txt, csv, bin)
 * with the job's token.
 *
 * <p>Outside a gateway (a local run) the calls work on the local data directory instead, so a
 * program can be debugged with the same code. Thread-safe.
 */
public final class DataFiles {
  private final Path dir;
  private final FilesApi gateway;

  DataFiles(Path dir, FilesApi gateway) {
    this.dir = dir;
    this.gateway = gateway;
  }

  /** The {@code DATA_PATH} directory: the same files as the Files API, readable directly. */
  public Path dir() {
    return dir;
  }

  /** The names of the owner's stored files. */
  public List<String> list() {
    if (gateway == null) {
      try (Stream<Path> files = Files.list(dir)) {
        return files
            .filter(Files::isRegularFile)
            .map(p -> p.getFileName().toString())
            .sorted()
            .toList();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list the data directory " + dir, e);
      }
    }
    return gateway.list();
  }

  /** Downloads the stored file {@code name} into {@code toDir}; returns the written path. */
  public Path download(String name, Path toDir) {
    Path target = toDir.resolve(plain(name));
    try {
      Files.createDirectories(toDir);
      if (gateway == null) {
        return Files.copy(dir.resolve(name), target, StandardCopyOption.REPLACE_EXISTING);
      }
      return Files.write(target, gateway.download(name));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot download " + name + " to " + toDir, e);
    }
  }

  /**
   * Uploads {@code file} (tar, gzip, h5, json, zip, txt, csv or bin) to the stored files, under its
   * own name.
   */
  public void upload(Path file) {
    try {
      if (gateway == null) {
        Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        return;
      }
      gateway.upload(file.getFileName().toString(), Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot upload " + file, e);
    }
  }

  /** Deletes the stored file {@code name}. */
  public void delete(String name) {
    if (gateway == null) {
      try {
        Files.delete(dir.resolve(plain(name)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete " + name + " from " + dir, e);
      }
      return;
    }
    gateway.delete(name);
  }

  /** A stored file's name is flat (API.md): refuse paths before they touch the local directory. */
  private static String plain(String name) {
    if (name == null
        || name.isEmpty()
        || !Path.of(name).getFileName().toString().equals(name)
        || name.equals("..")) {
      throw new IllegalArgumentException(
          "file name '"
              + name
              + "' is not a plain file name: stored files are flat, "
              + "e.g. data.tar");
    }
    return name;
  }
}
