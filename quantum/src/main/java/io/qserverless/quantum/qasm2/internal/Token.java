package io.qserverless.quantum.qasm2.internal;

/**
 * One lexical token of OpenQASM text with the source (file name) and 1-based position where it
 * starts.
 */
public record Token(Kind kind, String text, int line, int column, String source) {

  /** Token classes; keywords are identifiers that the parser recognises by text. */
  public enum Kind {
    IDENTIFIER,
    INTEGER,
    REAL,
    STRING,
    SYMBOL,
    END
  }

  /** Whether this is the symbol or identifier spelt {@code spelling}. */
  public boolean is(String spelling) {
    return kind != Kind.STRING && kind != Kind.END && text.equals(spelling);
  }

  /** How the token reads in an error message: quoted text, or "end of input". */
  public String describe() {
    return switch (kind) {
      case END -> "end of input";
      case STRING -> "string \"" + text + "\"";
      default -> "'" + text + "'";
    };
  }
}
