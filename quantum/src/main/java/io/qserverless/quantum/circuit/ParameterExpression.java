package io.qserverless.quantum.circuit;

import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

/**
 * A real-valued symbolic expression over {@link Parameter}s: a gate angle such as {@code pi/2} or
 * {@code 2*theta}.
 *
 * <p>Every gate parameter is one of these; a plain number is a {@link Constant}. Expressions are
 * immutable trees; arithmetic on two constants folds at once, so a fully bound expression is a
 * {@link Constant}. The operators and functions are those OpenQASM 2 and 3 allow in angles.
 */
public sealed interface ParameterExpression extends Serializable
    permits Parameter,
        ParameterExpression.Constant,
        ParameterExpression.Unary,
        ParameterExpression.Binary {

  /** The parameters this expression still depends on, in first-use order. */
  Set<Parameter> parameters();

  /** This expression with the given parameters replaced (by numbers or other expressions). */
  ParameterExpression substitute(Map<Parameter, ? extends ParameterExpression> values);

  /** The numeric value; throws IllegalStateException if a parameter is unbound. */
  double evaluate();

  default boolean isBound() {
    return parameters().isEmpty();
  }

  static ParameterExpression of(double value) {
    return new Constant(value);
  }

  /** The constant pi, as written {@code pi} in OpenQASM. */
  static ParameterExpression pi() {
    return new Constant(Math.PI);
  }

  default ParameterExpression add(ParameterExpression o) {
    return Binary.of(BinaryOp.ADD, this, o);
  }

  default ParameterExpression sub(ParameterExpression o) {
    return Binary.of(BinaryOp.SUB, this, o);
  }

  default ParameterExpression mul(ParameterExpression o) {
    return Binary.of(BinaryOp.MUL, this, o);
  }

  default ParameterExpression div(ParameterExpression o) {
    return Binary.of(BinaryOp.DIV, this, o);
  }

  default ParameterExpression pow(ParameterExpression o) {
    return Binary.of(BinaryOp.POW, this, o);
  }

  default ParameterExpression add(double o) {
    return add(of(o));
  }

  default ParameterExpression sub(double o) {
    return sub(of(o));
  }

  default ParameterExpression mul(double o) {
    return mul(of(o));
  }

  default ParameterExpression div(double o) {
    return div(of(o));
  }

  default ParameterExpression neg() {
    return apply(Function.NEG);
  }

  default ParameterExpression apply(Function f) {
    return Unary.of(f, this);
  }

  /** The unary functions of OpenQASM angle expressions. */
  enum Function {
    NEG("-", x -> -x),
    SIN("sin", Math::sin),
    COS("cos", Math::cos),
    TAN("tan", Math::tan),
    ASIN("asin", Math::asin),
    ACOS("acos", Math::acos),
    ATAN("atan", Math::atan),
    EXP("exp", Math::exp),
    LN("ln", Math::log),
    SQRT("sqrt", Math::sqrt),
    ABS("abs", Math::abs);

    private final String symbol;
    private final DoubleUnaryOperator op;

    Function(String symbol, DoubleUnaryOperator op) {
      this.symbol = symbol;
      this.op = op;
    }

    public String symbol() {
      return symbol;
    }

    public double applyAsDouble(double x) {
      return op.applyAsDouble(x);
    }
  }

  /** Binary arithmetic, with OpenQASM's precedence (higher binds tighter). */
  enum BinaryOp {
    ADD("+", 1),
    SUB("-", 1),
    MUL("*", 2),
    DIV("/", 2),
    POW("**", 3);

    private final String symbol;
    private final int precedence;

    BinaryOp(String symbol, int precedence) {
      this.symbol = symbol;
      this.precedence = precedence;
    }

    public String symbol() {
      return symbol;
    }

    public int precedence() {
      return precedence;
    }

    double apply(double a, double b) {
      return switch (this) {
        case ADD -> a + b;
        case SUB -> a - b;
        case MUL -> a * b;
        case DIV -> a / b;
        case POW -> Math.pow(a, b);
      };
    }
  }

  /** A number. */
  record Constant(double value) implements ParameterExpression {
    @Override
    public Set<Parameter> parameters() {
      return Set.of();
    }

    @Override
    public ParameterExpression substitute(Map<Parameter, ? extends ParameterExpression> values) {
      return this;
    }

    @Override
    public double evaluate() {
      return value;
    }

    @Override
    public String toString() {
      return value == Math.rint(value) && Math.abs(value) < 1e15
          ? Long.toString((long) value)
          : Double.toString(value);
    }
  }

  /** A function applied to an expression. */
  record Unary(Function function, ParameterExpression operand) implements ParameterExpression {
    static ParameterExpression of(Function f, ParameterExpression x) {
      return x instanceof Constant c ? new Constant(f.applyAsDouble(c.value())) : new Unary(f, x);
    }

    @Override
    public Set<Parameter> parameters() {
      return operand.parameters();
    }

    @Override
    public ParameterExpression substitute(Map<Parameter, ? extends ParameterExpression> values) {
      return of(function, operand.substitute(values));
    }

    @Override
    public double evaluate() {
      return function.applyAsDouble(operand.evaluate());
    }

    @Override
    public String toString() {
      if (function == Function.NEG) {
        return operand instanceof Binary ? "-(" + operand + ")" : "-" + operand;
      }
      return function.symbol() + "(" + operand + ")";
    }
  }

  /** An arithmetic operation on two expressions. */
  record Binary(BinaryOp op, ParameterExpression left, ParameterExpression right)
      implements ParameterExpression {
    static ParameterExpression of(BinaryOp op, ParameterExpression a, ParameterExpression b) {
      if (a instanceof Constant x && b instanceof Constant y) {
        return new Constant(op.apply(x.value(), y.value()));
      }
      return new Binary(op, a, b);
    }

    @Override
    public Set<Parameter> parameters() {
      Set<Parameter> all = new LinkedHashSet<>(left.parameters());
      all.addAll(right.parameters());
      return all;
    }

    @Override
    public ParameterExpression substitute(Map<Parameter, ? extends ParameterExpression> values) {
      return of(op, left.substitute(values), right.substitute(values));
    }

    @Override
    public double evaluate() {
      return op.apply(left.evaluate(), right.evaluate());
    }

    @Override
    public String toString() {
      return operand(left, false) + op.symbol() + operand(right, true);
    }

    private String operand(ParameterExpression e, boolean isRight) {
      boolean paren =
          e instanceof Binary b
                  && (b.op.precedence() < op.precedence()
                      || (isRight
                          && b.op.precedence() == op.precedence()
                          && op != BinaryOp.ADD
                          && op != BinaryOp.MUL)
                      || (!isRight && op == BinaryOp.POW))
              || (e instanceof Constant c && c.value() < 0)
              || (e instanceof Unary u && u.function() == Function.NEG && op.precedence() > 1);
      return paren ? "(" + e + ")" : e.toString();
    }
  }
}
