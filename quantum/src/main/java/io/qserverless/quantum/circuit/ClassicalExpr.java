package io.qserverless.quantum.circuit;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;
import java.util.function.ToLongFunction;

/**
 * A classical expression evaluated while a circuit runs (Qiskit's {@code expr.Expr}): over
 * constants, {@link ClassicalVar}s and clbits, with the OpenQASM 3 integer and logical operators.
 * It is the condition of an {@link IfElse} or {@link WhileLoop} and the value of a {@link Store}.
 *
 * <p>Values are 64-bit integers; comparisons and logical operators give 1 or 0, and any non-zero
 * value counts as true. A {@link Store} wraps the result to its variable's type.
 */
public sealed interface ClassicalExpr extends Serializable {

  /** The operators of {@link Binary}, as OpenQASM 3 writes them. */
  Set<String> BINARY =
      Set.of(
          "+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "&&", "||", "&", "|", "^",
          "<<", ">>");

  /** The operators of {@link Unary}. */
  Set<String> UNARY = Set.of("!", "-", "~");

  /** The value in a run where the clbits are {@code clbits} (bit k = clbit k). */
  long evaluate(long clbits, ToLongFunction<ClassicalVar> vars);

  /** This expression with each clbit index {@code k} replaced by {@code to(k)}. */
  ClassicalExpr mapClbits(IntUnaryOperator to);

  /** Calls {@code action} with each clbit index the expression reads. */
  default void forEachClbit(IntConsumer action) {
    mapClbits(
        b -> {
          action.accept(b);
          return b;
        });
  }

  record Constant(long value) implements ClassicalExpr {
    @Override
    public long evaluate(long clbits, ToLongFunction<ClassicalVar> vars) {
      return value;
    }

    @Override
    public ClassicalExpr mapClbits(IntUnaryOperator to) {
      return this;
    }
  }

  record Read(ClassicalVar var) implements ClassicalExpr {
    @Override
    public long evaluate(long clbits, ToLongFunction<ClassicalVar> vars) {
      return vars.applyAsLong(var);
    }

    @Override
    public ClassicalExpr mapClbits(IntUnaryOperator to) {
      return this;
    }
  }

  /** Clbits read as an unsigned integer, the first listed least significant (a register). */
  record Clbits(int[] clbits) implements ClassicalExpr {
    public Clbits {
      clbits = clbits.clone();
      if (clbits.length == 0 || clbits.length > 63) {
        throw new IllegalArgumentException(
            "an expression reads 1 to 63 clbits at once, not " + clbits.length);
      }
    }

    @Override
    public int[] clbits() {
      return clbits.clone();
    }

    @Override
    public long evaluate(long bits, ToLongFunction<ClassicalVar> vars) {
      long v = 0;
      for (int i = 0; i < clbits.length; i++) {
        v |= (bits >>> clbits[i] & 1) << i;
      }
      return v;
    }

    @Override
    public ClassicalExpr mapClbits(IntUnaryOperator to) {
      return new Clbits(Arrays.stream(clbits).map(to).toArray());
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Clbits c && Arrays.equals(clbits, c.clbits);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(clbits);
    }

    @Override
    public String toString() {
      return "Clbits" + Arrays.toString(clbits);
    }
  }

  record Unary(String op, ClassicalExpr operand) implements ClassicalExpr {
    public Unary {
      if (!UNARY.contains(op)) {
        throw new IllegalArgumentException("unknown unary operator '" + op + "': use " + UNARY);
      }
    }

    @Override
    public long evaluate(long clbits, ToLongFunction<ClassicalVar> vars) {
      long x = operand.evaluate(clbits, vars);
      return switch (op) {
        case "!" -> x == 0 ? 1 : 0;
        case "-" -> -x;
        default -> ~x;
      };
    }

    @Override
    public ClassicalExpr mapClbits(IntUnaryOperator to) {
      return new Unary(op, operand.mapClbits(to));
    }
  }

  record Binary(String op, ClassicalExpr left, ClassicalExpr right) implements ClassicalExpr {
    public Binary {
      if (!BINARY.contains(op)) {
        throw new IllegalArgumentException("unknown binary operator '" + op + "': use " + BINARY);
      }
    }

    @Override
    public long evaluate(long clbits, ToLongFunction<ClassicalVar> vars) {
      long x = left.evaluate(clbits, vars);
      if (op.equals("&&") && x == 0 || op.equals("||") && x != 0) {
        return op.equals("||") ? 1 : 0;
      }
      long y = right.evaluate(clbits, vars);
      return switch (op) {
        case "+" -> x + y;
        case "-" -> x - y;
        case "*" -> x * y;
        case "/", "%" -> {
          if (y == 0) {
            throw new ArithmeticException("the circuit divides by zero in " + this);
          }
          yield op.equals("/") ? x / y : x % y;
        }
        case "==" -> x == y ? 1 : 0;
        case "!=" -> x != y ? 1 : 0;
        case "<" -> x < y ? 1 : 0;
        case "<=" -> x <= y ? 1 : 0;
        case ">" -> x > y ? 1 : 0;
        case ">=" -> x >= y ? 1 : 0;
        case "&&", "||" -> y != 0 ? 1 : 0;
        case "&" -> x & y;
        case "|" -> x | y;
        case "^" -> x ^ y;
        case "<<" -> x << y;
        default -> x >> y;
      };
    }

    @Override
    public ClassicalExpr mapClbits(IntUnaryOperator to) {
      return new Binary(op, left.mapClbits(to), right.mapClbits(to));
    }
  }
}
