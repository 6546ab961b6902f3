package io.qserverless.quantum.qasm2.internal;

import java.util.function.Function;

/**
 * A classical expression of a gate argument: numbers, constants, parameter names, unary minus,
 * {@code + - * /}, power ({@code ^} in OpenQASM 2, {@code **} in 3) and one-argument functions.
 *
 * <p>Kept symbolic so a gate body or an {@code input} parameter can be evaluated later, once the
 * values of its names are known.
 */
public sealed interface Expr {

  /** A literal number. */
  record Number(double value) implements Expr {}

  /** A name: a gate parameter, an {@code input} parameter, or a loop of neither (an error). */
  record Name(String name, Token at) implements Expr {}

  /** Unary minus. */
  record Negate(Expr operand) implements Expr {}

  /** A binary operation; {@code op} is one of {@code + - * / ^}. */
  record Binary(char op, Expr left, Expr right) implements Expr {}

  /** A call of a one-argument function such as {@code sin} or {@code sqrt}. */
  record Call(Function1 function, Expr argument) implements Expr {}

  /** The functions OpenQASM 2 defines plus the inverse trigonometric ones Qiskit and OpenQASM 3 add. */
  enum Function1 {
    SIN(Math::sin),
    COS(Math::cos),
    TAN(Math::tan),
    EXP(Math::exp),
    LN(Math::log),
    SQRT(Math::sqrt),
    ASIN(Math::asin),
    ACOS(Math::acos),
    ATAN(Math::atan);

    private final java.util.function.DoubleUnaryOperator operator;

    Function1(java.util.function.DoubleUnaryOperator operator) {
      this.operator = operator;
    }

    public double apply(double x) {
      return operator.applyAsDouble(x);
    }

    /** The function spelt {@code name} in source text, or null. */
    public static Function1 named(String name) {
      return switch (name) {
        case "sin" -> SIN;
        case "cos" -> COS;
        case "tan" -> TAN;
        case "exp" -> EXP;
        case "ln", "log" -> LN;
        case "sqrt" -> SQRT;
        case "asin", "arcsin" -> ASIN;
        case "acos", "arccos" -> ACOS;
        case "atan", "arctan" -> ATAN;
        default -> null;
      };
    }
  }

  /**
   * The value of this expression, asking {@code names} for the value of each name; {@code names}
   * throws for a name it does not know.
   */
  default double evaluate(Function<Name, Double> names) {
    return switch (this) {
      case Number n -> n.value();
      case Name n -> names.apply(n);
      case Negate n -> -n.operand().evaluate(names);
      case Call c -> c.function().apply(c.argument().evaluate(names));
      case Binary b -> {
        double l = b.left().evaluate(names);
        double r = b.right().evaluate(names);
        yield switch (b.op()) {
          case '+' -> l + r;
          case '-' -> l - r;
          case '*' -> l * r;
          case '/' -> l / r;
          case '^' -> Math.pow(l, r);
          default -> throw new IllegalStateException("unknown operator " + b.op());
        };
      }
    };
  }
}
