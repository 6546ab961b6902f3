package io.qserverless.quantum.qasm2.internal;

import io.qserverless.quantum.circuit.ParameterExpression;
import java.util.function.Function;

/**
 * A classical expression of a gate argument as written: numbers, parameter names, unary minus,
 * {@code + - * /}, power ({@code ^} in OpenQASM 2, {@code **} in 3) and one-argument functions.
 *
 * <p>Names are resolved only when the expression becomes a {@link ParameterExpression}, since what
 * a name means depends on where it stands (a gate body, or an {@code input}).
 */
public sealed interface Expr {

  /** A literal number, or a constant such as {@code pi}. */
  record Number(double value) implements Expr {}

  /** A name: a gate parameter or an {@code input} parameter. */
  record Name(String name, Token at) implements Expr {}

  /** Unary minus. */
  record Negate(Expr operand) implements Expr {}

  /** A binary operation. */
  record Binary(ParameterExpression.BinaryOp op, Expr left, Expr right) implements Expr {}

  /** A call of a one-argument function such as {@code sin} or {@code sqrt}. */
  record Call(ParameterExpression.Function function, Expr argument) implements Expr {}

  /** The function spelt {@code name} in OpenQASM 2 or 3 (or Qiskit's asin/acos/atan), or null. */
  static ParameterExpression.Function function(String name) {
    return switch (name) {
      case "sin" -> ParameterExpression.Function.SIN;
      case "cos" -> ParameterExpression.Function.COS;
      case "tan" -> ParameterExpression.Function.TAN;
      case "exp" -> ParameterExpression.Function.EXP;
      case "ln", "log" -> ParameterExpression.Function.LN;
      case "sqrt" -> ParameterExpression.Function.SQRT;
      case "asin", "arcsin" -> ParameterExpression.Function.ASIN;
      case "acos", "arccos" -> ParameterExpression.Function.ACOS;
      case "atan", "arctan" -> ParameterExpression.Function.ATAN;
      default -> null;
    };
  }

  /**
   * This expression as a circuit-model expression, asking {@code names} for each name; constant
   * parts fold to numbers. {@code names} throws a parse error for a name it does not know.
   */
  default ParameterExpression toParameter(Function<Name, ParameterExpression> names) {
    return switch (this) {
      case Number n -> ParameterExpression.of(n.value());
      case Name n -> names.apply(n);
      case Negate n -> n.operand().toParameter(names).neg();
      case Call c -> c.argument().toParameter(names).apply(c.function());
      case Binary b -> {
        ParameterExpression l = b.left().toParameter(names);
        ParameterExpression r = b.right().toParameter(names);
        yield switch (b.op()) {
          case ADD -> l.add(r);
          case SUB -> l.sub(r);
          case MUL -> l.mul(r);
          case DIV -> l.div(r);
          case POW -> l.pow(r);
        };
      }
    };
  }
}
