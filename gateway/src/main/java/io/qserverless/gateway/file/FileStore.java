package io.qserverless.gateway.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * Where users' files live: one flat directory per user, shared by all of the user's functions (as
 * in the original: "this data is accessible to all programs"). Names reaching a store are already
 * checked by {@link UserFiles}; a store only keeps bytes.
 *
 * <p>The local filesystem is the default; the same directory is every job's {@code DATA_PATH}.
 */
public interface FileStore {
  /**
   * The files directory of user {@code userId}: what each of the user's jobs sees as {@code
   * DATA_PATH}.
   */
  Path directory(long userId);

  List<String> list(long userId) throws IOException;

  /**
   * Stores {@code content} as {@code name} atomically, at most {@code maxBytes} long, and only if
   * {@code accept} approves the stored bytes' head; false (nothing stored) when it does not.
   */
  boolean save(
      long userId, String name, InputStream content, long maxBytes, Predicate<byte[]> accept)
      throws IOException;

  /** The file's bytes, or null when there is no such file. */
  InputStream open(long userId, String name) throws IOException;

  boolean delete(long userId, String name) throws IOException;
}
