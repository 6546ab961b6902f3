package io.qserverless.quantum.qasm2.internal;

import io.qserverless.quantum.circuit.Parameter;
import io.qserverless.quantum.circuit.ParameterExpression;
import io.qserverless.quantum.circuit.ParameterExpression.Binary;
import io.qserverless.quantum.circuit.ParameterExpression.BinaryOp;
import io.qserverless.quantum.circuit.ParameterExpression.Constant;
import io.qserverless.quantum.circuit.ParameterExpression.Function;
import io.qserverless.quantum.circuit.ParameterExpression.Unary;

/**
 * Writes a {@link ParameterExpression} as OpenQASM text that reads back to the same value:
 * multiples of pi as {@code 3*pi/4} (only when that text evaluates to exactly the same double),
 * other numbers in Java's shortest round-trip form.
 */
final class ExpressionWriter {

  private ExpressionWriter() {}

  static String write(ParameterExpression e, int version) {
    return switch (e) {
      case Constant c -> number(c.value());
      case Parameter p -> p.name();
      case Unary u -> unary(u, version);
      case Binary b ->
          operand(b.left(), b, false, version)
              + symbol(b.op(), version)
              + operand(b.right(), b, true, version);
    };
  }

  private static String unary(Unary u, int version) {
    if (u.function() == Function.NEG) {
      // Unary minus binds looser than power only: -a^b reads as -(a^b).
      boolean bare =
          switch (u.operand()) {
            case Parameter p -> true;
            case Constant c -> c.value() >= 0 && !number(c.value()).contains("/");
            case Binary b -> b.op() == BinaryOp.POW;
            case Unary inner -> inner.function() != Function.NEG;
          };
      String operand = write(u.operand(), version);
      return "-" + (bare ? operand : "(" + operand + ")");
    }
    if (u.function() == Function.ABS) {
      throw new IllegalArgumentException(
          "OpenQASM has no abs(); bind the parameters of " + u + " before writing the circuit");
    }
    String name = u.function().symbol();
    if (version == 3 && (name.equals("asin") || name.equals("acos") || name.equals("atan"))) {
      name = "arc" + name.substring(1);
    }
    return name + "(" + write(u.operand(), version) + ")";
  }

  private static String symbol(BinaryOp op, int version) {
    return op == BinaryOp.POW ? (version == 3 ? "**" : "^") : op.symbol();
  }

  /**
   * Parenthesises a child unless it is a name, a plain number or binds tighter, so the tree reads
   * back as written.
   */
  private static String operand(
      ParameterExpression child, Binary parent, boolean right, int version) {
    String text = write(child, version);
    boolean atomic =
        switch (child) {
          case Parameter p -> true;
          case Constant c -> c.value() >= 0 && !text.contains("/") && !text.contains("*");
          case Unary u -> u.function() != Function.NEG || (!right && parent.op() != BinaryOp.POW);
          case Binary b -> {
            int difference = b.op().precedence() - parent.op().precedence();
            yield difference > 0 || (difference == 0 && !right && parent.op() != BinaryOp.POW);
          }
        };
    return atomic ? text : "(" + text + ")";
  }

  /** A number, as a multiple of pi when that text means exactly this double. */
  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    for (int d = 1; d <= 64; d++) {
      long n = Math.round(v / Math.PI * d);
      if (n != 0 && Math.abs(n) <= 64 && piFraction(n, d) == v) {
        String times = n == 1 ? "pi" : n == -1 ? "-pi" : n + "*pi";
        return d == 1 ? times : times + "/" + d;
      }
    }
    return Double.toString(v);
  }

  /** The value the reader computes for {@code n*pi/d}: left to right, as the text says. */
  private static double piFraction(long n, int d) {
    double x = n == 1 ? Math.PI : n == -1 ? -Math.PI : n * Math.PI;
    return d == 1 ? x : x / d;
  }
}
