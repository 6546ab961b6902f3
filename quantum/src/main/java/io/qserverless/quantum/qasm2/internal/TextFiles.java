package io.qserverless.quantum.qasm2.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reading and atomically writing program files, shared by {@code Qasm2} and {@code Qasm3}. */
public final class TextFiles {

  private TextFiles() {}

  /** The UTF-8 text of {@code file}. */
  public static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /** The directory that holds {@code file}, where its relative includes are found. */
  public static Path directory(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of("") : parent;
  }

  /** Writes {@code text} to a temporary file beside {@code file}, then moves it into place. */
  public static void writeAtomically(Path file, String text) throws IOException {
    Path temp = Files.createTempFile(directory(file), ".qasm-", ".tmp");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
