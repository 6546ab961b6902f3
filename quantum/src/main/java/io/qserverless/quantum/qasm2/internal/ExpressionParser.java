package io.qserverless.quantum.qasm2.internal;

import io.qserverless.quantum.circuit.ParameterExpression;
import io.qserverless.quantum.circuit.ParameterExpression.BinaryOp;
import io.qserverless.quantum.qasm2.internal.Token.Kind;

/**
 * Reads OpenQASM 2 gate-argument expressions with the usual precedence: {@code + -} below {@code *
 * /} below unary minus below power {@code ^}, which is right-associative ({@code -a^b} is {@code
 * -(a^b)}). OpenQASM 3 has its own expression parser, in qasm3.internal.
 *
 * <p>Trees deeper than {@value DepthGuard#MAX_DEPTH} (by nesting or by a long chain of operators)
 * are refused: every later step walks them recursively, and a 200,000-deep expression would
 * overflow the stack. The limit leaves room on a 1 MiB thread stack for the five frames a level of
 * parentheses costs here and the walks after.
 */
final class ExpressionParser {

  private final TokenStream in;
  private final DepthGuard guard;

  /** The depth of the tree the last method returned. */
  private int depth;

  ExpressionParser(TokenStream in) {
    this.in = in;
    this.guard = new DepthGuard(in, "simplify it or split it over several gates");
  }

  Expr expression() {
    guard.enter();
    Expr left = term();
    int d = depth;
    while (in.peek().is("+") || in.peek().is("-")) {
      Token at = in.next();
      BinaryOp op = at.is("+") ? BinaryOp.ADD : BinaryOp.SUB;
      Expr right = term();
      d = guard.deeper(Math.max(d, depth), at);
      left = new Expr.Binary(op, left, right, at);
    }
    depth = d;
    guard.leave();
    return left;
  }

  private Expr term() {
    Expr left = unary();
    int d = depth;
    while (in.peek().is("*") || in.peek().is("/")) {
      Token at = in.next();
      BinaryOp op = at.is("*") ? BinaryOp.MUL : BinaryOp.DIV;
      Expr right = unary();
      d = guard.deeper(Math.max(d, depth), at);
      left = new Expr.Binary(op, left, right, at);
    }
    depth = d;
    return left;
  }

  private Expr unary() {
    Token at = in.peek();
    if (in.accept("-") || in.accept("+")) {
      Expr operand = guard.nested(this::unary);
      if (at.is("+")) {
        return operand;
      }
      depth = guard.deeper(depth, at);
      return new Expr.Negate(operand);
    }
    return power();
  }

  private Expr power() {
    Expr base = primary();
    int d = depth;
    Token at = in.peek();
    if (in.accept("^")) {
      Expr exponent = guard.nested(this::unary);
      depth = guard.deeper(Math.max(d, depth), at);
      return new Expr.Binary(BinaryOp.POW, base, exponent, at);
    }
    return base;
  }

  private Expr primary() {
    depth = 1;
    Token t = in.peek();
    if (t.kind() == Kind.INTEGER || t.kind() == Kind.REAL) {
      in.next();
      return new Expr.Number(Double.parseDouble(t.text().replace("_", "")), t);
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
    if (t.is("pi")) {
      return new Expr.Number(Math.PI, t);
    }
    ParameterExpression.Function function = Expr.function(t.text());
    if (function != null && in.peek().is("(")) {
      in.next();
      Expr argument = expression();
      in.expect(")");
      depth = guard.deeper(depth, t);
      return new Expr.Call(function, argument, t);
    }
    return new Expr.Name(t.text(), t);
  }
}
