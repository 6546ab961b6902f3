package io.qserverless.quantum.qasm2;

import io.qserverless.quantum.QuantumException;

/**
 * An OpenQASM program (version 2 or 3) that could not be read: says where (source, line, column)
 * and what was expected versus what was found.
 *
 * <p>Both {@code Qasm2} and {@code Qasm3} throw this one type, since they share the lexer and the
 * circuit builder; the message always starts with {@code source:line:column:} so editors can jump
 * to the spot.
 */
public final class QasmParseException extends QuantumException {

  private final String source;
  private final int line;
  private final int column;

  public QasmParseException(String source, int line, int column, String problem) {
    super(source + ":" + line + ":" + column + ": " + problem);
    this.source = source;
    this.line = line;
    this.column = column;
  }

  /** The file name, or {@code <string>} for text given directly. */
  public String source() {
    return source;
  }

  /** The 1-based line of the offending text. */
  public int line() {
    return line;
  }

  /** The 1-based column of the offending text. */
  public int column() {
    return column;
  }
}
