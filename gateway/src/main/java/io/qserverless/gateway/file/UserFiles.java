package io.qserverless.gateway.file;

import io.qserverless.gateway.auth.Principal;
import io.qserverless.gateway.error.InvalidInputException;
import io.qserverless.gateway.error.NotFoundException;
import io.qserverless.gateway.program.Programs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The Files API: one flat set of files per user, shared by all of the user's functions, as in the
 * original (0.35 keeps one folder per user for the user's own functions). The {@code function}
 * parameter the clients send is accepted and, when given, must name one of the user's functions; it
 * does not change the folder.
 *
 * <p>Names are checked here (no separators, no {@code ..}, no control characters); types by
 * extension and content ({@link FileKind}). Job tokens may use their owner's files, so a program
 * reads and writes the same files through {@code DATA_PATH} or this API.
 */
public final class UserFiles {
  private final Programs programs;
  private final FileStore store;
  private final long maxBytes;

  public UserFiles(Programs programs, FileStore store, long maxBytes) {
    this.programs = programs;
    this.store = store;
    this.maxBytes = maxBytes;
  }

  public List<String> list(Principal who, String function) {
    checkFunction(who, function);
    return io(() -> store.list(who.userId()));
  }

  public void upload(Principal who, String function, String name, InputStream content) {
    if (content == null) {
      throw new InvalidInputException(
          "The upload has no 'file' part; send the file as multipart field 'file'.");
    }
    checkFunction(who, function);
    FileKind kind = kind(name);
    boolean stored = io(() -> store.save(who.userId(), name, content, maxBytes, kind::matches));
    if (!stored) {
      throw new InvalidInputException(
          "The file '"
              + name
              + "' does not hold "
              + kind.mimeType()
              + " content, though its name says so; upload a real file of that type or rename it.");
    }
  }

  /** The file's bytes; 404 when there is none. */
  public InputStream download(Principal who, String function, String name) {
    checkFunction(who, function);
    kind(name);
    InputStream in = io(() -> store.open(who.userId(), name));
    if (in == null) {
      throw notFound(name);
    }
    return in;
  }

  public void delete(Principal who, String function, String name) {
    checkFunction(who, function);
    kind(name);
    if (!io(() -> store.delete(who.userId(), name))) {
      throw notFound(name);
    }
  }

  /**
   * A named function must be one of the caller's (404 otherwise), so a misspelt title is not
   * silently accepted.
   */
  private void checkFunction(Principal who, String function) {
    if (function != null && !function.isBlank()) {
      programs.get(who, function);
    }
  }

  /** The MIME type the Files API serves a file with. */
  public static String mimeType(String name) {
    return kind(name).mimeType();
  }

  static FileKind kind(String name) {
    if (name == null
        || name.isEmpty()
        || name.length() > 255
        || name.contains("/")
        || name.contains("\\")
        || name.contains("..")
        || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)
        || name.startsWith(".")) {
      throw new InvalidInputException(
          "The file name '"
              + (name == null ? "" : name.replaceAll("\\p{Cntrl}", "?"))
              + "' is not allowed: use a plain name (no '/', '\\', '..', control characters or leading '.'), e.g. data.tar.");
    }
    FileKind kind = FileKind.ofName(name);
    if (kind == null) {
      throw new InvalidInputException(
          "The file '"
              + name
              + "' has an unsupported type: accepted are "
              + FileKind.accepted()
              + " (tar, gzip, HDF5, zip, JSON, text, CSV, octet-stream).");
    }
    return kind;
  }

  private static NotFoundException notFound(String name) {
    return new NotFoundException(
        "No file '" + name + "' in your files; GET /api/v1/files/ lists them.");
  }

  private interface Io<T> {
    T get() throws IOException;
  }

  private static <T> T io(Io<T> action) {
    try {
      return action.get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
