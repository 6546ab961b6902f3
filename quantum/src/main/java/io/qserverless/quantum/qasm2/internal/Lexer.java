package io.qserverless.quantum.qasm2.internal;

import io.qserverless.quantum.qasm2.QasmParseException;
import io.qserverless.quantum.qasm2.internal.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits OpenQASM 2 or 3 text into tokens, skipping whitespace and {@code //} and {@code /*
 * *}{@code /} comments. Knows nothing of statements; one lexer serves both versions because their
 * token sets differ only in symbols the parser rejects where they do not belong.
 */
public final class Lexer {

  /** Three- and two-character symbols (OpenQASM 3 has the longer ones), tried before singles. */
  private static final List<String> PAIRS =
      List.of(
          "#dim", "<<=", ">>=", "**=", "->", "==", "**", "!=", "<=", ">=", "&&", "||", "<<", ">>",
          "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=");

  private static final String SINGLES = ";,()[]{}+-*/^@=:<>!~%&|";

  private final String text;
  private final String source;
  private int pos;
  private int line = 1;
  private int lineStart;

  private Lexer(String text, String source) {
    this.text = text;
    this.source = source;
  }

  /** Returns the tokens of {@code text}, ending with one {@link Kind#END} token. */
  public static List<Token> tokenize(String text, String source) {
    return new Lexer(text, source).run();
  }

  private List<Token> run() {
    List<Token> tokens = new ArrayList<>();
    while (true) {
      skipBlanks();
      if (pos >= text.length()) {
        tokens.add(new Token(Kind.END, "", line, column(), source));
        return tokens;
      }
      tokens.add(next());
    }
  }

  private int column() {
    return pos - lineStart + 1;
  }

  private void skipBlanks() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '\n') {
        pos++;
        line++;
        lineStart = pos;
      } else if (Character.isWhitespace(c)) {
        pos++;
      } else if (text.startsWith("//", pos)) {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          pos++;
        }
      } else if (text.startsWith("/*", pos)) {
        skipBlockComment();
      } else {
        return;
      }
    }
  }

  private void skipBlockComment() {
    int startLine = line;
    int startColumn = column();
    pos += 2;
    while (!text.startsWith("*/", pos)) {
      if (pos >= text.length()) {
        throw new QasmParseException(
            source, startLine, startColumn, "comment opened here is never closed with '*/'");
      }
      if (text.charAt(pos) == '\n') {
        line++;
        lineStart = pos + 1;
      }
      pos++;
    }
    pos += 2;
  }

  private Token next() {
    int startColumn = column();
    char c = text.charAt(pos);
    if (Character.isLetter(c) || c == '_' || c == '$') {
      int start = pos;
      while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
        pos++;
      }
      return new Token(Kind.IDENTIFIER, text.substring(start, pos), line, startColumn, source);
    }
    if (Character.isDigit(c)
        || (c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
      return number(startColumn);
    }
    if (c == '"' || c == '\'') {
      return string(c, startColumn);
    }
    for (String pair : PAIRS) {
      if (text.startsWith(pair, pos)) {
        pos += pair.length();
        return new Token(Kind.SYMBOL, pair, line, startColumn, source);
      }
    }
    if (SINGLES.indexOf(c) >= 0) {
      pos++;
      return new Token(Kind.SYMBOL, String.valueOf(c), line, startColumn, source);
    }
    throw new QasmParseException(
        source,
        line,
        startColumn,
        "unexpected character '" + printable(c) + "'; remove it or put it in a comment");
  }

  private static boolean isIdentifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  private Token number(int startColumn) {
    int start = pos;
    boolean real = false;
    digits();
    if (pos < text.length() && text.charAt(pos) == '.') {
      real = true;
      pos++;
      digits();
    }
    if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      int mark = pos;
      pos++;
      if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
        pos++;
      }
      if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        real = true;
        digits();
      } else {
        pos = mark;
      }
    }
    return new Token(
        real ? Kind.REAL : Kind.INTEGER, text.substring(start, pos), line, startColumn, source);
  }

  private void digits() {
    while (pos < text.length()
        && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
  }

  private Token string(char quote, int startColumn) {
    int start = ++pos;
    while (pos < text.length() && text.charAt(pos) != quote) {
      if (text.charAt(pos) == '\n') {
        break;
      }
      pos++;
    }
    if (pos >= text.length() || text.charAt(pos) != quote) {
      throw new QasmParseException(
          source, line, startColumn, "string is not closed with " + quote + " on the same line");
    }
    return new Token(Kind.STRING, text.substring(start, pos++), line, startColumn, source);
  }

  private static String printable(char c) {
    return c < 32 || c > 126 ? String.format("\\u%04x", (int) c) : String.valueOf(c);
  }
}
