package io.qserverless.quantum.qasm3.internal;

import static io.qserverless.quantum.qasm3.internal.Syntax.error;

import io.qserverless.quantum.qasm2.internal.DepthGuard;
import io.qserverless.quantum.qasm2.internal.Token;
import io.qserverless.quantum.qasm2.internal.Token.Kind;
import io.qserverless.quantum.qasm2.internal.TokenStream;
import io.qserverless.quantum.qasm3.internal.Syntax.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads OpenQASM 3 classical expressions with the precedence of the specification, lowest first:
 * {@code ||}, {@code &&}, {@code |}, {@code ^}, {@code &}, {@code == !=}, {@code < <= > >=}, {@code
 * << >>}, {@code + -}, {@code * / %}, unary {@code - ! ~}, {@code **} (right-associative, so {@code
 * -a**b} is {@code -(a**b)}), then indexing and calls. Trees deeper than {@value
 * DepthGuard#MAX_DEPTH} are refused, as in OpenQASM 2, before anything walks them recursively.
 */
final class Expressions {

  static final Set<String> ASSIGNMENTS =
      Set.of("+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "**=");

  private static final List<List<String>> LEVELS =
      List.of(
          List.of("||"),
          List.of("&&"),
          List.of("|"),
          List.of("^"),
          List.of("&"),
          List.of("==", "!="),
          List.of("<", "<=", ">", ">="),
          List.of("<<", ">>"),
          List.of("+", "-"),
          List.of("*", "/", "%"));

  private static final Set<String> UNITS = Set.of("dt", "ns", "us", "µs", "ms", "s");

  private final TokenStream in;
  private final DepthGuard guard;
  private int depth;

  Expressions(TokenStream in) {
    this.in = in;
    this.guard = new DepthGuard(in, "simplify it");
  }

  Expr expression() {
    guard.enter();
    Expr e = level(0);
    guard.leave();
    return e;
  }

  /** A classical type; {@code qubit} too where subroutine arguments allow it. */
  Syntax.Type type() {
    Token at = in.next();
    Syntax.Type.Kind kind =
        at.is("qubit") ? Syntax.Type.Kind.QUBIT : ProgramParser.TYPES.get(at.text());
    if (kind == null) {
      throw error(
          at,
          "expected a type such as int[32], float[64], bit[2] or bool but found " + at.describe());
    }
    if (kind == Syntax.Type.Kind.ARRAY) {
      in.expect("[");
      Syntax.Type element = type();
      List<Expr> dimensions = new ArrayList<>();
      Expr rank = null;
      while (rank == null && in.accept(",")) {
        if (in.accept("#dim")) {
          in.expect("=");
          rank = expression();
        } else {
          dimensions.add(expression());
        }
      }
      in.expect("]");
      return new Syntax.Type(kind, rank, element, rank == null ? dimensions : List.of(), at);
    }
    Expr width = null;
    if (in.accept("[")) {
      if (kind == Syntax.Type.Kind.COMPLEX) {
        type();
      } else {
        width = expression();
      }
      in.expect("]");
    }
    return new Syntax.Type(kind, width, null, List.of(), at);
  }

  /** {@code measure q} where an assignment or initialiser takes it. */
  Expr measure() {
    Token at = in.expect("measure");
    return new Syntax.Measure(operand(), at);
  }

  /** A qubit or bit operand: a name or {@code $n}, with indices. */
  Expr operand() {
    Token t = in.peek();
    if (t.kind() != Kind.IDENTIFIER) {
      throw in.expected("a qubit or bit (register or register[index])");
    }
    return postfix(name(in.next()));
  }

  /** The inside of {@code [a:b]}, {@code [a:s:b]} (ends included), after the '['. */
  Expr range(Token at) {
    Expr start = in.peek().is(":") ? null : expression();
    if (!in.accept(":")) {
      throw in.expected("':' in a range such as [0:3]");
    }
    Expr second = in.peek().is("]") ? null : expression();
    if (in.accept(":")) {
      Expr end = in.peek().is("]") ? null : expression();
      return new Syntax.Range(start, second, end, at);
    }
    return new Syntax.Range(start, null, second, at);
  }

  private Expr level(int level) {
    if (level == LEVELS.size()) {
      return unary();
    }
    Expr left = level(level + 1);
    int d = depth;
    while (LEVELS.get(level).contains(in.peek().text()) && in.peek().kind() == Kind.SYMBOL) {
      Token op = in.next();
      Expr right = level(level + 1);
      d = guard.deeper(Math.max(d, depth), op);
      left = new Syntax.Binary(op.text(), left, right, op);
    }
    depth = d;
    return left;
  }

  private Expr unary() {
    Token at = in.peek();
    if (at.kind() == Kind.SYMBOL && (at.is("-") || at.is("!") || at.is("~") || at.is("+"))) {
      in.next();
      Expr operand = guard.nested(this::unary);
      if (at.is("+")) {
        return operand;
      }
      depth = guard.deeper(depth, at);
      return new Syntax.Unary(at.text(), operand, at);
    }
    Expr base = postfix(primary());
    int d = depth;
    Token op = in.peek();
    if (in.accept("**")) {
      Expr exponent = guard.nested(this::unary);
      depth = guard.deeper(Math.max(d, depth), op);
      return new Syntax.Binary("**", base, exponent, op);
    }
    return base;
  }

  private Expr postfix(Expr base) {
    int d = depth;
    while (in.peek().is("[")) {
      Token at = in.next();
      do {
        Expr index;
        if (in.peek().is("{")) {
          index = set(in.next());
        } else {
          Expr start = in.peek().is(":") ? null : expression();
          if (in.peek().is(":")) {
            index = rangeFrom(start, at);
          } else {
            index = start;
          }
        }
        d = guard.deeper(Math.max(d, depth), at);
        base = new Syntax.Index(base, index, at);
      } while (in.accept(","));
      in.expect("]");
    }
    depth = d;
    return base;
  }

  private Expr rangeFrom(Expr start, Token at) {
    in.expect(":");
    Expr second = in.peek().is("]") || in.peek().is(",") ? null : expression();
    if (in.accept(":")) {
      Expr end = in.peek().is("]") ? null : expression();
      return new Syntax.Range(start, second, end, at);
    }
    return new Syntax.Range(start, null, second, at);
  }

  private Expr set(Token at) {
    List<Expr> items = new ArrayList<>();
    if (!in.accept("}")) {
      do {
        items.add(expression());
      } while (in.accept(",") && !in.peek().is("}"));
      in.expect("}");
    }
    depth = items.size() + 1;
    return new Syntax.SetLiteral(items, at);
  }

  private Expr primary() {
    depth = 1;
    Token t = in.peek();
    switch (t.kind()) {
      case INTEGER, REAL -> {
        in.next();
        String digits = t.text().replace("_", "");
        Token unit = in.peek();
        if (unit.kind() == Kind.IDENTIFIER
            && UNITS.contains(unit.text())
            && unit.line() == t.line()
            && unit.column() == t.column() + t.text().length()) {
          in.next();
          return new Syntax.DurationLiteral(Double.parseDouble(digits), unit.text(), t);
        }
        if (t.kind() == Kind.INTEGER) {
          try {
            return new Syntax.Literal(new Value.Int(Long.parseLong(digits)), t);
          } catch (NumberFormatException e) {
            throw error(t, "integer " + t.text() + " is too large; the limit is " + Long.MAX_VALUE);
          }
        }
        return new Syntax.Literal(new Value.Real(Double.parseDouble(digits)), t);
      }
      case STRING -> {
        in.next();
        String bits = t.text().replace("_", "");
        if (!bits.matches("[01]{1,64}")) {
          throw error(
              t, "a bit string holds 1 to 64 characters 0 and 1, but found \"" + t.text() + "\"");
        }
        return new Syntax.Literal(new Value.Bits(Long.parseLong(bits, 2), bits.length()), t);
      }
      case SYMBOL -> {
        if (in.accept("(")) {
          Expr inner = expression();
          in.expect(")");
          return inner;
        }
        if (t.is("{")) {
          return set(in.next());
        }
        throw in.expected("a number, a name, a function or '('");
      }
      case IDENTIFIER -> {
        if (t.is("measure")) {
          throw error(
              t, "'measure' can only stand alone or on the right of '='; write b = measure q;");
        }
        if (ProgramParser.TYPES.containsKey(t.text())
            && (in.peek(1).is("(") || in.peek(1).is("["))) {
          Syntax.Type type = type();
          in.expect("(");
          Expr value = expression();
          in.expect(")");
          return new Syntax.Cast(type, value, t);
        }
        in.next();
        if (t.is("durationof") && in.peek().is("(")) {
          skipBalanced();
          return new Syntax.DurationLiteral(0, "dt", t);
        }
        if (in.peek().is("(")) {
          in.next();
          List<Expr> args = new ArrayList<>();
          if (!in.accept(")")) {
            do {
              args.add(expression());
            } while (in.accept(","));
            in.expect(")");
          }
          depth = args.size() + 1;
          return new Syntax.Call(t.text(), args, t);
        }
        return name(t);
      }
      default -> throw in.expected("a number, a name, a function or '('");
    }
  }

  /** Skips {@code ( ... )} with what it holds: {@code durationof} of a block, timing only. */
  private void skipBalanced() {
    Token open = in.next();
    for (int depth = 1; depth > 0; ) {
      Token t = in.next();
      if (t.kind() == Kind.END) {
        throw error(open, "this '(' is never closed; add ')'");
      }
      depth += t.is("(") ? 1 : t.is(")") ? -1 : 0;
    }
  }

  private static Expr name(Token t) {
    return switch (t.text()) {
      case "pi", "π" -> new Syntax.Literal(new Value.Real(Math.PI), t);
      case "tau", "τ" -> new Syntax.Literal(new Value.Real(2 * Math.PI), t);
      case "euler", "ℇ" -> new Syntax.Literal(new Value.Real(Math.E), t);
      case "true" -> new Syntax.Literal(new Value.Bool(true), t);
      case "false" -> new Syntax.Literal(new Value.Bool(false), t);
      default -> {
        if (t.text().startsWith("$")) {
          if (!t.text().substring(1).matches("\\d{1,6}")) {
            throw error(
                t,
                "a hardware qubit is written $ and its number, as in $0, but found "
                    + t.describe());
          }
          yield new Syntax.HardwareQubit(Integer.parseInt(t.text().substring(1)), t);
        }
        yield new Syntax.Identifier(t.text(), t);
      }
    };
  }
}
