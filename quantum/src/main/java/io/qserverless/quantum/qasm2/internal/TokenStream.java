package io.qserverless.quantum.qasm2.internal;

import io.qserverless.quantum.qasm2.QasmParseException;
import io.qserverless.quantum.qasm2.internal.Token.Kind;
import java.util.List;

/** A cursor over tokens that turns every mismatch into an "expected X but found Y" parse error. */
public final class TokenStream {

  private final List<Token> tokens;
  private int pos;

  public TokenStream(List<Token> tokens) {
    this.tokens = tokens;
  }

  public Token peek() {
    return tokens.get(pos);
  }

  public Token peek(int ahead) {
    return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
  }

  public boolean atEnd() {
    return peek().kind() == Kind.END;
  }

  public Token next() {
    Token t = tokens.get(pos);
    if (t.kind() != Kind.END) {
      pos++;
    }
    return t;
  }

  /** Consumes the next token if it is spelt {@code spelling}. */
  public boolean accept(String spelling) {
    if (peek().is(spelling)) {
      pos++;
      return true;
    }
    return false;
  }

  public Token expect(String spelling) {
    if (!peek().is(spelling)) {
      throw expected("'" + spelling + "'");
    }
    return next();
  }

  public Token expect(Kind kind, String what) {
    if (peek().kind() != kind) {
      throw expected(what);
    }
    return next();
  }

  public String identifier(String what) {
    return expect(Kind.IDENTIFIER, what).text();
  }

  /** A non-negative integer literal that fits an {@code int}. */
  public int integer(String what) {
    Token t = expect(Kind.INTEGER, what);
    try {
      return Integer.parseInt(t.text().replace("_", ""));
    } catch (NumberFormatException e) {
      throw error(t, what + " " + t.text() + " is too large; the limit is " + Integer.MAX_VALUE);
    }
  }

  public QasmParseException expected(String what) {
    return error(peek(), "expected " + what + " but found " + peek().describe());
  }

  public QasmParseException error(Token at, String problem) {
    return new QasmParseException(at.source(), at.line(), at.column(), problem);
  }
}
