package io.qserverless.gateway.file;

import io.qserverless.gateway.auth.Principal;
import io.qserverless.gateway.error.InvalidInputException;
import io.qserverless.gateway.error.NotFoundException;
import io.qserverless.gateway.program.Program;
import io.qserverless.gateway.program.Programs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The Files API: a flat set of {@code .tar} and {@code .h5} files per user and function.
 *
 * <p>Names are checked here (no separators, no {@code ..}, no control characters); types by content
 * ({@link FileKind}). Job tokens may use their owner's files, so a program reads and writes the same
 * files through {@code DATA_PATH} or this API.
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
    Program p = function(who, function);
    return io(() -> store.list(who.userId(), p.title()));
  }

  public void upload(Principal who, String function, String name, InputStream content) {
    if (content == null) {
      throw new InvalidInputException("The upload has no 'file' part; send the file as multipart field 'file'.");
    }
    Program p = function(who, function);
    FileKind kind = kind(name);
    boolean stored = io(() -> store.save(who.userId(), p.title(), name, content, maxBytes, kind::matches));
    if (!stored) {
      throw new InvalidInputException("The file '" + name + "' does not hold " + kind.name()
          + " content, though its name ends in " + kind.extension() + "; upload a real " + kind.extension() + " file.");
    }
  }

  /** The file's bytes; 404 when there is none. */
  public InputStream download(Principal who, String function, String name) {
    Program p = function(who, function);
    kind(name);
    InputStream in = io(() -> store.open(who.userId(), p.title(), name));
    if (in == null) {
      throw notFound(name, function);
    }
    return in;
  }

  public void delete(Principal who, String function, String name) {
    Program p = function(who, function);
    kind(name);
    if (!io(() -> store.delete(who.userId(), p.title(), name))) {
      throw notFound(name, function);
    }
  }

  private Program function(Principal who, String function) {
    if (function == null || function.isBlank()) {
      throw new InvalidInputException("The query parameter 'function' is missing; give the title of the function the files belong to.");
    }
    return programs.get(who, function);
  }

  static FileKind kind(String name) {
    if (name == null || name.isEmpty() || name.length() > 255 || name.contains("/") || name.contains("\\")
        || name.contains("..") || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || name.startsWith(".")) {
      throw new InvalidInputException("The file name '" + (name == null ? "" : name.replaceAll("\\p{Cntrl}", "?"))
          + "' is not allowed: use a plain name (no '/', '\\', '..', control characters or leading '.'), e.g. data.tar.");
    }
    FileKind kind = FileKind.ofName(name);
    if (kind == null) {
      throw new InvalidInputException("The file '" + name + "' has an unsupported type: only .tar and .h5 files are accepted.");
    }
    return kind;
  }

  private static NotFoundException notFound(String name, String function) {
    return new NotFoundException("No file '" + name + "' for function '" + function
        + "'; GET /api/v1/files/?function=" + function + " lists them.");
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
