package io.qserverless.quantum.qasm2.internal;

import io.qserverless.quantum.circuit.ParameterExpression;
import io.qserverless.quantum.circuit.ParameterExpression.BinaryOp;
import io.qserverless.quantum.qasm2.internal.Token.Kind;

/**
 * Reads gate-argument expressions with the usual precedence: {@code + -} below {@code * /} below
 * unary minus below power, which is right-associative ({@code -a^b} is {@code -(a^b)}). OpenQASM 2
 * spells power {@code ^}; OpenQASM 3 spells it {@code **} (there {@code ^} is xor).
 */
final class ExpressionParser {

  private final TokenStream in;
  private final boolean version3;

  ExpressionParser(TokenStream in, boolean version3) {
    this.in = in;
    this.version3 = version3;
  }

  Expr expression() {
    Expr left = term();
    while (in.peek().is("+") || in.peek().is("-")) {
      BinaryOp op = in.next().is("+") ? BinaryOp.ADD : BinaryOp.SUB;
      left = new Expr.Binary(op, left, term());
    }
    return left;
  }

  private Expr term() {
    Expr left = unary();
    while (in.peek().is("*") || in.peek().is("/")) {
      BinaryOp op = in.next().is("*") ? BinaryOp.MUL : BinaryOp.DIV;
      left = new Expr.Binary(op, left, unary());
    }
    return left;
  }

  private Expr unary() {
    if (in.accept("-")) {
      return new Expr.Negate(unary());
    }
    if (in.accept("+")) {
      return unary();
    }
    return power();
  }

  private Expr power() {
    Expr base = primary();
    if (in.accept(version3 ? "**" : "^")) {
      return new Expr.Binary(BinaryOp.POW, base, unary());
    }
    return base;
  }

  private Expr primary() {
    Token t = in.peek();
    if (t.kind() == Kind.INTEGER || t.kind() == Kind.REAL) {
      in.next();
      return new Expr.Number(Double.parseDouble(t.text().replace("_", "")));
    }
    if (in.accept("(")) {
      Expr inner = expression();
      in.expect(")");
      return inner;
    }
    if (t.kind() != Kind.IDENTIFIER) {
      throw in.expected("a number, a name, a function or '('");
    }
    in.next();
    Double constant = constant(t.text());
    if (constant != null) {
      return new Expr.Number(constant);
    }
    ParameterExpression.Function function = Expr.function(t.text());
    if (function != null && in.peek().is("(")) {
      in.next();
      Expr argument = expression();
      in.expect(")");
      return new Expr.Call(function, argument);
    }
    return new Expr.Name(t.text(), t);
  }

  private Double constant(String name) {
    return switch (name) {
      case "pi" -> Math.PI;
      case "π" -> version3 ? Math.PI : null;
      case "tau", "τ" -> version3 ? 2 * Math.PI : null;
      case "euler", "ℇ" -> version3 ? Math.E : null;
      default -> null;
    };
  }
}
