package io.qserverless.quantum.qasm2.internal;

import io.qserverless.quantum.qasm2.QasmParseException;
import io.qserverless.quantum.qasm2.internal.Token.Kind;
import java.util.List;

/** A cursor over tokens that turns every mismatch into an "expected X but found Y" parse error. */
final class TokenStream {

  private final List<Token> tokens;
  private int pos;

  TokenStream(List<Token> tokens) {
    this.tokens = tokens;
  }

  Token peek() {
    return tokens.get(pos);
  }

  Token peek(int ahead) {
    return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
  }

  boolean atEnd() {
    return peek().kind() == Kind.END;
  }

  Token next() {
    Token t = tokens.get(pos);
    if (t.kind() != Kind.END) {
      pos++;
    }
    return t;
  }

  /** Consumes the next token if it is spelt {@code spelling}. */
  boolean accept(String spelling) {
    if (peek().is(spelling)) {
      pos++;
      return true;
    }
    return false;
  }

  Token expect(String spelling) {
    if (!peek().is(spelling)) {
      throw expected("'" + spelling + "'");
    }
    return next();
  }

  Token expect(Kind kind, String what) {
    if (peek().kind() != kind) {
      throw expected(what);
    }
    return next();
  }

  String identifier(String what) {
    return expect(Kind.IDENTIFIER, what).text();
  }

  /** A non-negative integer literal that fits an {@code int}. */
  int integer(String what) {
    Token t = expect(Kind.INTEGER, what);
    try {
      return Integer.parseInt(t.text().replace("_", ""));
    } catch (NumberFormatException e) {
      throw error(t, what + " " + t.text() + " is too large; the limit is " + Integer.MAX_VALUE);
    }
  }

  QasmParseException expected(String what) {
    return error(peek(), "expected " + what + " but found " + peek().describe());
  }

  QasmParseException error(Token at, String problem) {
    return new QasmParseException(at.source(), at.line(), at.column(), problem);
  }
}
