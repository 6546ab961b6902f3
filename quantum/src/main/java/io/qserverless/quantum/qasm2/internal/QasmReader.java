package io.qserverless.quantum.qasm2.internal;

import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.qasm2.QasmParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads OpenQASM text into a circuit: parse, then build, resolving user include files against one
 * directory (the loaded file's, or the working directory for text).
 */
public final class QasmReader {

  /** More includes than this in one program are almost surely a file that includes itself. */
  private static final int MAX_INCLUDES = 256;

  private final int version;
  private final Path directory;
  private int includes;

  private QasmReader(int version, Path directory) {
    this.version = version;
    this.directory = directory;
  }

  /**
   * The circuit of {@code text}; {@code source} names it in errors; includes resolve against {@code
   * directory}.
   */
  public static QuantumCircuit read(String text, String source, int version, Path directory) {
    QasmReader reader = new QasmReader(version, directory);
    return CircuitBuilder.build(Parser.parse(text, source, version), version, reader::include);
  }

  private List<Statement> include(Statement.Include include) {
    if (++includes > MAX_INCLUDES) {
      throw new QasmParseException(
          include.at().source(),
          include.at().line(),
          include.at().column(),
          "more than " + MAX_INCLUDES + " includes; does '" + include.file() + "' include itself?");
    }
    Path file = directory.resolve(include.file());
    try {
      return Parser.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), version);
    } catch (IOException e) {
      throw new QasmParseException(
          include.at().source(),
          include.at().line(),
          include.at().column(),
          "cannot read include file '"
              + include.file()
              + "' ("
              + e.getClass().getSimpleName()
              + "); looked for "
              + file.toAbsolutePath());
    }
  }
}
