package io.qserverless.quantum.qasm2.internal;

import io.qserverless.quantum.circuit.ParameterExpression;
import io.qserverless.quantum.circuit.ParameterExpression.BinaryOp;
import io.qserverless.quantum.qasm2.internal.Token.Kind;

/**
 * Reads OpenQASM 2 gate-argument expressions with the usual precedence: {@code + -} below {@code *
 * /} below unary minus below power {@code ^}, which is right-associative ({@code -a^b} is {@code
 * -(a^b)}). OpenQASM 3 has its own expression parser, in qasm3.internal.
 *
 * <p>Trees deeper than {@value #MAX_DEPTH} (by nesting or by a long chain of operators) are
 * refused: every later step walks them recursively, and a 200,000-deep expression would overflow
 * the stack. The limit leaves room on a 1 MiB thread stack for the five frames a level of
 * parentheses costs here and the walks after.
 */
final class ExpressionParser {

  static final int MAX_DEPTH = 256;

  private final TokenStream in;

  /** The depth of the tree the last method returned. */
  private int depth;

  /** How deeply the methods are nested now (parentheses and unary signs recurse). */
  private int nesting;

  ExpressionParser(TokenStream in) {
    this.in = in;
  }

  Expr expression() {
    enter();
    Expr left = term();
    int d = depth;
    while (in.peek().is("+") || in.peek().is("-")) {
      Token at = in.next();
      BinaryOp op = at.is("+") ? BinaryOp.ADD : BinaryOp.SUB;
      Expr right = term();
      d = deeper(Math.max(d, depth), at);
      left = new Expr.Binary(op, left, right, at);
    }
    depth = d;
    nesting--;
    return left;
  }

  private Expr term() {
    Expr left = unary();
    int d = depth;
    while (in.peek().is("*") || in.peek().is("/")) {
      Token at = in.next();
      BinaryOp op = at.is("*") ? BinaryOp.MUL : BinaryOp.DIV;
      Expr right = unary();
      d = deeper(Math.max(d, depth), at);
      left = new Expr.Binary(op, left, right, at);
    }
    depth = d;
    return left;
  }

  private Expr unary() {
    Token at = in.peek();
    if (in.accept("-") || in.accept("+")) {
      enter();
      Expr operand = unary();
      nesting--;
      if (at.is("+")) {
        return operand;
      }
      depth = deeper(depth, at);
      return new Expr.Negate(operand);
    }
    return power();
  }

  private Expr power() {
    Expr base = primary();
    int d = depth;
    Token at = in.peek();
    if (in.accept("^")) {
      enter();
      Expr exponent = unary();
      nesting--;
      depth = deeper(Math.max(d, depth), at);
      return new Expr.Binary(BinaryOp.POW, base, exponent, at);
    }
    return base;
  }

  /** Counts one more level of nesting, refusing past {@link #MAX_DEPTH}. */
  private void enter() {
    if (++nesting > MAX_DEPTH) {
      throw tooDeep(in.peek());
    }
  }

  /** {@code depth + 1}, refusing past {@link #MAX_DEPTH}. */
  private int deeper(int depth, Token at) {
    if (depth + 1 > MAX_DEPTH) {
      throw tooDeep(at);
    }
    return depth + 1;
  }

  private RuntimeException tooDeep(Token at) {
    return in.error(
        at,
        "the expression is more than "
            + MAX_DEPTH
            + " levels deep; simplify it or split it over several gates");
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
      depth = deeper(depth, t);
      return new Expr.Call(function, argument, t);
    }
    return new Expr.Name(t.text(), t);
  }
}
