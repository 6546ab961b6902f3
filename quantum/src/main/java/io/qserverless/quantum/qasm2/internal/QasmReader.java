package io.qserverless.quantum.qasm2.internal;

import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.qasm2.QasmParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads OpenQASM 2 text into a circuit: parse, then build, resolving user include files against one
 * directory (the loaded file's, or the working directory for text). The OpenQASM 3 reader uses its
 * include handling too.
 */
public final class QasmReader {

  /** More includes than this in one program are almost surely a file that includes itself. */
  private static final int MAX_INCLUDES = 256;

  private final Path directory;
  private int includes;

  public QasmReader(Path directory) {
    this.directory = directory;
  }

  /**
   * The circuit of OpenQASM 2 {@code text}; {@code source} names it in errors; includes resolve
   * against {@code directory}.
   */
  public static QuantumCircuit read(String text, String source, Path directory) {
    QasmReader reader = new QasmReader(directory);
    return CircuitBuilder.build(
        Parser.parse(text, source),
        2,
        i -> Parser.parse(reader.text(i.file(), i.at()), reader.source(i.file())));
  }

  /** How errors name include file {@code file}: its resolved path. */
  public String source(String file) {
    return directory.resolve(file).toString();
  }

  /** The text of include file {@code file}, named at {@code at}; a parse error if unreadable. */
  public String text(String file, Token at) {
    if (++includes > MAX_INCLUDES) {
      throw new QasmParseException(
          at.source(),
          at.line(),
          at.column(),
          "more than " + MAX_INCLUDES + " includes; does '" + file + "' include itself?");
    }
    Path path = directory.resolve(file);
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new QasmParseException(
          at.source(),
          at.line(),
          at.column(),
          "cannot read include file '"
              + file
              + "' ("
              + e.getClass().getSimpleName()
              + "); looked for "
              + path.toAbsolutePath());
    }
  }
}
