package io.qserverless.quantum.qasm2.internal;

import io.qserverless.quantum.circuit.ParameterExpression;
import io.qserverless.quantum.qasm2.QasmParseException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A classical expression of a gate argument as written: numbers, parameter names, unary minus,
 * {@code + - * /}, power ({@code ^} in OpenQASM 2, {@code **} in 3) and one-argument functions.
 *
 * <p>Names are resolved only when the expression becomes a {@link ParameterExpression}, since what
 * a name means depends on where it stands (a gate body, or an {@code input}).
 */
public sealed interface Expr {

  /** A literal number, or a constant such as {@code pi}. */
  record Number(double value, Token at) implements Expr {}

  /** A name: a gate parameter or an {@code input} parameter. */
  record Name(String name, Token at) implements Expr {}

  /** A value already computed (by the OpenQASM 3 unroller), possibly over input parameters. */
  record Known(ParameterExpression value) implements Expr {}

  /** Unary minus. */
  record Negate(Expr operand) implements Expr {}

  /** A binary operation; {@code at} is its operator. */
  record Binary(ParameterExpression.BinaryOp op, Expr left, Expr right, Token at) implements Expr {}

  /** A call of a one-argument function such as {@code sin} or {@code sqrt}; {@code at} its name. */
  record Call(ParameterExpression.Function function, Expr argument, Token at) implements Expr {}

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
   * parts fold to numbers. {@code names} throws a parse error for a name it does not know; a
   * constant part outside its domain ({@code 1/0}, {@code ln(0)}, {@code sqrt(-2)}) is a parse
   * error at its operator, since a gate angle of NaN or infinity would silently empty the results.
   */
  default ParameterExpression toParameter(Function<Name, ParameterExpression> names) {
    return switch (this) {
      case Number n -> finite(ParameterExpression.of(n.value()), n.at(), () -> "the number");
      case Name n -> names.apply(n);
      case Known k -> k.value();
      case Negate n -> n.operand().toParameter(names).neg();
      case Call c -> {
        ParameterExpression argument = c.argument().toParameter(names);
        yield finite(argument.apply(c.function()), c.at(), () -> domain(c.function(), argument));
      }
      case Binary b -> {
        ParameterExpression l = b.left().toParameter(names);
        ParameterExpression r = b.right().toParameter(names);
        ParameterExpression value =
            switch (b.op()) {
              case ADD -> l.add(r);
              case SUB -> l.sub(r);
              case MUL -> l.mul(r);
              case DIV -> l.div(r);
              case POW -> l.pow(r);
            };
        yield finite(
            value,
            b.at(),
            () ->
                b.op() == ParameterExpression.BinaryOp.DIV && r.equals(ParameterExpression.of(0))
                    ? "division by zero"
                    : "'" + b.at().text() + "' of " + l + " and " + r);
      }
    };
  }

  /** {@code value}, unless it is a constant NaN or infinity: then a parse error at {@code at}. */
  private static ParameterExpression finite(
      ParameterExpression value, Token at, Supplier<String> what) {
    if (value instanceof ParameterExpression.Constant c && !Double.isFinite(c.value())) {
      throw new QasmParseException(
          at.source(),
          at.line(),
          at.column(),
          what.get()
              + " gives "
              + c.value()
              + ", not a finite real number; a gate argument must be one, so change the"
              + " expression");
    }
    return value;
  }

  private static String domain(ParameterExpression.Function f, ParameterExpression argument) {
    String call = f.symbol() + "(" + argument + ")";
    return switch (f) {
      case LN -> call + " (ln needs an argument above 0)";
      case SQRT -> call + " (sqrt needs an argument of 0 or more)";
      case ASIN, ACOS -> call + " (" + f.symbol() + " needs an argument from -1 to 1)";
      default -> call;
    };
  }
}
