package io.qserverless.quantum.qasm3.internal;

import static io.qserverless.quantum.qasm3.internal.Syntax.error;

import io.qserverless.quantum.circuit.ClassicalExpr;
import io.qserverless.quantum.circuit.ParameterExpression;
import io.qserverless.quantum.qasm2.internal.Token;
import io.qserverless.quantum.qasm3.internal.Value.Bits;
import io.qserverless.quantum.qasm3.internal.Value.Bool;
import io.qserverless.quantum.qasm3.internal.Value.Dynamic;
import io.qserverless.quantum.qasm3.internal.Value.Int;
import io.qserverless.quantum.qasm3.internal.Value.Real;
import io.qserverless.quantum.qasm3.internal.Value.Symbolic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The classical operators, casts and built-in functions of OpenQASM 3 on {@link Value}s.
 *
 * <p>Integers (and bit strings, read as unsigned integers) stay integers under {@code + - * / %}
 * ({@code /} truncates, as in C); a real operand makes the result real. A {@link Dynamic} operand
 * makes the result dynamic: the operation is applied once per assignment of the measured bits
 * involved, up to {@value #MAX_DYNAMIC_BITS} of them, and a result that is the same for every
 * assignment folds back to a known value.
 */
final class Operators {

  static final int MAX_DYNAMIC_BITS = 12;

  private Operators() {}

  static Value binary(String op, Value a, Value b, Token at) {
    if (a instanceof Value.Runtime || b instanceof Value.Runtime) {
      if (!ClassicalExpr.BINARY.contains(op)) {
        throw error(at, runtimeOnly("'" + op + "'"));
      }
      return new Value.Runtime(
          new ClassicalExpr.Binary(op, expression(a, at), expression(b, at)), reads(a, b));
    }
    return lift(List.of(a, b), v -> known(op, v.get(0), v.get(1), at), at);
  }

  static Value unary(String op, Value a, Token at) {
    if (a instanceof Value.Runtime r) {
      if (!op.equals("!") && !op.equals("-")) {
        // '~' needs the operand's width, which the circuit's 64-bit expressions do not keep
        throw error(at, runtimeOnly("'" + op + "'"));
      }
      return new Value.Runtime(new ClassicalExpr.Unary(op, r.expression()), r.reads());
    }
    return lift(
        List.of(a),
        v ->
            switch (op) {
              case "-" ->
                  switch (v.getFirst()) {
                    case Value.Angle angle -> Angles.unary("-", angle);
                    case Real r -> new Real(-r.value());
                    case Symbolic s -> new Symbolic(s.expression().neg());
                    default -> new Int(-integer(v.getFirst(), at));
                  };
              case "!" -> new Bool(!truth(v.getFirst(), at));
              case "~" ->
                  v.getFirst() instanceof Value.Angle angle
                      ? Angles.unary("~", angle)
                      : v.getFirst() instanceof Bits bits
                          ? new Bits(~bits.value() & mask(bits.width()), bits.width())
                          : new Int(~integer(v.getFirst(), at));
              default -> throw error(at, "unknown operator '" + op + "'");
            },
        at);
  }

  /** A built-in function: the OpenQASM 3 math functions, {@code popcount} and {@code mod}. */
  static Value function(String name, List<Value> args, Token at) {
    return lift(args, v -> knownFunction(name, v, at), at);
  }

  static boolean isFunction(String name) {
    return switch (name) {
      case "sin",
          "cos",
          "tan",
          "arcsin",
          "arccos",
          "arctan",
          "exp",
          "ln",
          "log",
          "sqrt",
          "floor",
          "ceiling",
          "ceil",
          "popcount",
          "mod",
          "abs" ->
          true;
      default -> false;
    };
  }

  /** Applies {@code f} to known arguments, once per assignment of the measured bits among them. */
  static Value lift(List<Value> args, Function<List<Value>, Value> f, Token at) {
    if (args.stream().anyMatch(v -> v instanceof Value.Runtime)) {
      throw error(at, runtimeOnly("this operation"));
    }
    List<Integer> clbits = new ArrayList<>();
    List<Integer> versions = new ArrayList<>();
    String register = null;
    for (Value v : args) {
      if (v instanceof Dynamic d) {
        register = register == null && clbits.isEmpty() ? d.register() : null;
        for (int i = 0; i < d.clbits().length; i++) {
          int k = clbits.indexOf(d.clbits()[i]);
          if (k < 0) {
            clbits.add(d.clbits()[i]);
            versions.add(d.versions()[i]);
          } else if (versions.get(k) != d.versions()[i]) {
            throw error(
                at,
                "this combines two readings of clbit "
                    + d.clbits()[i]
                    + " taken before and after it was measured again; the circuit keeps only a"
                    + " bit's latest value, so measure into another bit");
          }
        }
      } else if (v instanceof Value.Array && !clbits.isEmpty()) {
        throw error(at, "an array cannot be combined with a measured value");
      }
    }
    if (clbits.isEmpty()) {
      return f.apply(args);
    }
    if (clbits.size() > MAX_DYNAMIC_BITS) {
      throw error(
          at,
          "this value depends on "
              + clbits.size()
              + " measured bits; at most "
              + MAX_DYNAMIC_BITS
              + " may feed one classical expression, so split it");
    }
    int[] bits = clbits.stream().mapToInt(Integer::intValue).toArray();
    Value[] table = new Value[1 << bits.length];
    List<Value> known = new ArrayList<>(args);
    for (int assignment = 0; assignment < table.length; assignment++) {
      for (int i = 0; i < args.size(); i++) {
        if (args.get(i) instanceof Dynamic d) {
          known.set(i, d.table()[project(assignment, bits, d.clbits())]);
        }
      }
      table[assignment] = f.apply(known);
      if (table[assignment] instanceof Dynamic || table[assignment] instanceof Symbolic) {
        throw error(at, "a measured value cannot be combined with an input parameter");
      }
    }
    if (Arrays.stream(table).distinct().count() == 1) {
      return table[0];
    }
    int[] v = versions.stream().mapToInt(Integer::intValue).toArray();
    boolean sameBits = args.size() == 1 || register != null;
    return new Dynamic(bits, v, table, sameBits ? register : null);
  }

  /**
   * The index into a table over {@code sub} of the assignment {@code assignment} over {@code all}.
   */
  static int project(int assignment, int[] all, int[] sub) {
    int index = 0;
    for (int j = 0; j < sub.length; j++) {
      for (int i = 0; i < all.length; i++) {
        if (all[i] == sub[j]) {
          index |= (assignment >>> i & 1) << j;
        }
      }
    }
    return index;
  }

  private static Value known(String op, Value a, Value b, Token at) {
    if (a instanceof Symbolic || b instanceof Symbolic) {
      return symbolic(op, angle(a, at), angle(b, at), at);
    }
    if (a instanceof Value.Angle || b instanceof Value.Angle) {
      return Angles.binary(op, a, b, at);
    }
    boolean real = a instanceof Real || b instanceof Real;
    return switch (op) {
      case "+", "-", "*", "/", "%", "**" ->
          real
              ? realArithmetic(op, real(a, at), real(b, at), at)
              : integerArithmetic(op, integer(a, at), integer(b, at), at);
      case "==", "!=", "<", ">", "<=", ">=" -> {
        int c =
            real
                ? Double.compare(real(a, at), real(b, at))
                : Long.compare(integer(a, at), integer(b, at));
        yield compared(op, c);
      }
      case "&&" -> new Bool(truth(a, at) && truth(b, at));
      case "||" -> new Bool(truth(a, at) || truth(b, at));
      case "&", "|", "^", "<<", ">>" -> {
        long x = integer(a, at);
        long y = integer(b, at);
        long r =
            switch (op) {
              case "&" -> x & y;
              case "|" -> x | y;
              case "^" -> x ^ y;
              case "<<" -> x << y;
              default -> x >>> y;
            };
        yield a instanceof Bits bits ? new Bits(r & mask(bits.width()), bits.width()) : new Int(r);
      }
      default -> throw error(at, "unknown operator '" + op + "'");
    };
  }

  /** The result of comparison {@code op} given {@code c}, the sign of left minus right. */
  static Bool compared(String op, int c) {
    return new Bool(
        switch (op) {
          case "==" -> c == 0;
          case "!=" -> c != 0;
          case "<" -> c < 0;
          case ">" -> c > 0;
          case "<=" -> c <= 0;
          default -> c >= 0;
        });
  }

  private static Value integerArithmetic(String op, long x, long y, Token at) {
    if ((op.equals("/") || op.equals("%")) && y == 0) {
      throw error(at, "integer division by zero; change the divisor");
    }
    return switch (op) {
      case "+" -> new Int(x + y);
      case "-" -> new Int(x - y);
      case "*" -> new Int(x * y);
      case "/" -> new Int(x / y);
      case "%" -> new Int(x % y);
      default -> y < 0 ? new Real(Math.pow(x, y)) : new Int(power(x, y));
    };
  }

  private static long power(long base, long exponent) {
    long r = 1;
    for (long i = 0; i < exponent; i++) {
      r *= base;
    }
    return r;
  }

  private static Value realArithmetic(String op, double x, double y, Token at) {
    double r =
        switch (op) {
          case "+" -> x + y;
          case "-" -> x - y;
          case "*" -> x * y;
          case "/" -> x / y;
          case "%" -> x % y;
          default -> Math.pow(x, y);
        };
    return finite(r, op + " of " + x + " and " + y, at);
  }

  private static Value symbolic(String op, ParameterExpression x, ParameterExpression y, Token at) {
    return new Symbolic(
        switch (op) {
          case "+" -> x.add(y);
          case "-" -> x.sub(y);
          case "*" -> x.mul(y);
          case "/" -> x.div(y);
          case "**" -> x.pow(y);
          default ->
              throw error(
                  at,
                  "'"
                      + op
                      + "' cannot take an input parameter: only + - * / ** and the math"
                      + " functions build angles from inputs");
        });
  }

  private static Value knownFunction(String name, List<Value> v, Token at) {
    int arity = name.equals("mod") ? 2 : 1;
    if (v.size() != arity) {
      throw error(
          at,
          name
              + " takes "
              + arity
              + " argument"
              + (arity == 1 ? "" : "s")
              + " but was given "
              + v.size());
    }
    Value x = v.getFirst();
    switch (name) {
      case "popcount" -> {
        return new Int(Long.bitCount(integer(x, at)));
      }
      case "mod" -> {
        return known("%", x, v.get(1), at);
      }
      case "abs" -> {
        return x instanceof Real r
            ? new Real(Math.abs(r.value()))
            : new Int(Math.abs(integer(x, at)));
      }
      case "floor" -> {
        return new Int((long) Math.floor(real(x, at)));
      }
      case "ceiling", "ceil" -> {
        return new Int((long) Math.ceil(real(x, at)));
      }
      default -> {}
    }
    ParameterExpression.Function f =
        switch (name) {
          case "sin" -> ParameterExpression.Function.SIN;
          case "cos" -> ParameterExpression.Function.COS;
          case "tan" -> ParameterExpression.Function.TAN;
          case "arcsin" -> ParameterExpression.Function.ASIN;
          case "arccos" -> ParameterExpression.Function.ACOS;
          case "arctan" -> ParameterExpression.Function.ATAN;
          case "exp" -> ParameterExpression.Function.EXP;
          case "sqrt" -> ParameterExpression.Function.SQRT;
          default -> ParameterExpression.Function.LN;
        };
    if (x instanceof Symbolic s) {
      return new Symbolic(s.expression().apply(f));
    }
    double r = ParameterExpression.of(real(x, at)).apply(f).evaluate();
    return finite(r, name + "(" + Value.show(x) + ")", at);
  }

  private static Value finite(double r, String what, Token at) {
    if (!Double.isFinite(r)) {
      throw error(at, what + " gives " + r + ", not a finite real number; change the expression");
    }
    return new Real(r);
  }

  /** Converts to the declared type {@code kind} of {@code width} bits (0: unsized). */
  static Value cast(Syntax.Type.Kind kind, int width, Value v, Token at) {
    if (v instanceof Value.Runtime r) {
      return switch (kind) {
        case BOOL ->
            new Value.Runtime(
                new ClassicalExpr.Binary("!=", r.expression(), new ClassicalExpr.Constant(0)),
                r.reads());
        case INT -> width == 0 ? r : runtimeCast(kind, width, at);
        default -> runtimeCast(kind, width, at);
      };
    }
    return lift(
        List.of(v),
        x ->
            x.getFirst() instanceof Value.Angle a
                ? Angles.convert(a, kind, width, at)
                : kind == Syntax.Type.Kind.ANGLE && width > 0 && !(x.getFirst() instanceof Symbolic)
                    ? Angles.cast(x.getFirst(), width, at)
                    : switch (kind) {
                      case INT ->
                          new Int(
                              width == 0
                                  ? integer(x.getFirst(), at)
                                  : signed(integer(x.getFirst(), at), width));
                      case UINT ->
                          new Int(integer(x.getFirst(), at) & mask(width == 0 ? 64 : width));
                      case FLOAT, ANGLE ->
                          x.getFirst() instanceof Symbolic
                              ? x.getFirst()
                              : new Real(rounded(real(x.getFirst(), at), kind, width));
                      case BOOL -> new Bool(truth(x.getFirst(), at));
                      case BIT ->
                          new Bits(
                              integer(x.getFirst(), at) & mask(width == 0 ? 1 : width),
                              width == 0 ? 1 : width);
                      default ->
                          throw error(
                              at,
                              "cannot convert "
                                  + Value.show(x.getFirst())
                                  + " to "
                                  + kind.name().toLowerCase());
                    },
        at);
  }

  /** A float[32] or float[16] holds its value in that IEEE 754 precision; others in double. */
  private static double rounded(double x, Syntax.Type.Kind kind, int width) {
    if (kind != Syntax.Type.Kind.FLOAT) {
      return x;
    }
    return switch (width) {
      case 32 -> (float) x;
      case 16 -> Float.float16ToFloat(Float.floatToFloat16((float) x));
      default -> x;
    };
  }

  private static long signed(long x, int width) {
    return width >= 64 ? x : (x << (64 - width)) >> (64 - width);
  }

  static long mask(int width) {
    return width >= 64 ? -1L : (1L << width) - 1;
  }

  static boolean truth(Value v, Token at) {
    return switch (v) {
      case Bool b -> b.value();
      case Int i -> i.value() != 0;
      case Bits b -> b.value() != 0;
      case Real r -> r.value() != 0;
      case Value.Angle a -> a.bits() != 0;
      default -> throw error(at, "expected a true/false value but found " + Value.show(v));
    };
  }

  static long integer(Value v, Token at) {
    return switch (v) {
      case Int i -> i.value();
      case Bits b -> b.value();
      case Bool b -> b.value() ? 1 : 0;
      case Value.Angle a -> a.bits(); // its bit pattern, as indexing and bitwise operators read it
      case Real r when r.value() == Math.rint(r.value()) -> (long) r.value();
      default -> throw error(at, "expected an integer but found " + Value.show(v));
    };
  }

  static double real(Value v, Token at) {
    return switch (v) {
      case Real r -> r.value();
      case Value.Angle a -> a.radians();
      case Int i -> i.value();
      case Bits b -> b.value();
      case Bool b -> b.value() ? 1 : 0;
      default -> throw error(at, "expected a number but found " + Value.show(v));
    };
  }

  /**
   * An operand of a run-time expression as one: constants, measured bits (a register read whole, or
   * one clause per bit assignment of a computed table) and run-time values.
   */
  static ClassicalExpr expression(Value v, Token at) {
    return switch (v) {
      case Value.Runtime r -> r.expression();
      case Int i -> new ClassicalExpr.Constant(i.value());
      case Bool b -> new ClassicalExpr.Constant(b.value() ? 1 : 0);
      case Bits b -> new ClassicalExpr.Constant(b.value());
      case Dynamic d -> tableExpression(d, at);
      default -> throw error(at, runtimeOnly("a value such as " + Value.show(v)));
    };
  }

  /** A table over measured bits as a sum of its non-zero entries, each times its bits' clause. */
  private static ClassicalExpr tableExpression(Dynamic d, Token at) {
    long[] table = new long[d.table().length];
    boolean identity = true;
    boolean logical = true;
    for (int a = 0; a < table.length; a++) {
      Value entry = d.table()[a];
      if (!(entry instanceof Int || entry instanceof Bits || entry instanceof Bool)) {
        throw error(at, runtimeOnly("a value such as " + Value.show(entry)));
      }
      table[a] = integer(entry, at);
      identity &= table[a] == a;
      logical &= entry instanceof Bool;
    }
    if (identity) {
      return new ClassicalExpr.Clbits(d.clbits());
    }
    ClassicalExpr sum = null;
    for (int a = 0; a < table.length; a++) {
      if (table[a] == 0) {
        continue;
      }
      ClassicalExpr clause = null;
      for (int i = 0; i < d.clbits().length; i++) {
        ClassicalExpr bit =
            new ClassicalExpr.Binary(
                "==",
                new ClassicalExpr.Clbits(new int[] {d.clbits()[i]}),
                new ClassicalExpr.Constant(a >>> i & 1));
        clause = clause == null ? bit : new ClassicalExpr.Binary("&&", clause, bit);
      }
      ClassicalExpr term =
          logical || table[a] == 1
              ? clause
              : new ClassicalExpr.Binary("*", new ClassicalExpr.Constant(table[a]), clause);
      sum = sum == null ? term : new ClassicalExpr.Binary(logical ? "||" : "+", sum, term);
    }
    return sum == null ? new ClassicalExpr.Constant(0) : sum;
  }

  private static List<Dynamic> reads(Value a, Value b) {
    List<Dynamic> reads = new ArrayList<>();
    for (Value v : List.of(a, b)) {
      if (v instanceof Value.Runtime r) {
        reads.addAll(r.reads());
      } else if (v instanceof Dynamic d) {
        reads.add(d);
      }
    }
    return reads;
  }

  private static Value runtimeCast(Syntax.Type.Kind kind, int width, Token at) {
    throw error(
        at,
        "a value known only when the circuit runs cannot be cast to "
            + kind.name().toLowerCase()
            + (width == 0 ? "" : "[" + width + "]")
            + " here; store it in a variable of that type first");
  }

  /** The refusal of {@code what} on a value known only when the circuit runs. */
  static String runtimeOnly(String what) {
    return what
        + " cannot act on a value known only when the circuit runs (a variable a loop on a"
        + " measurement changes): the circuit computes only + - * / % comparisons && || ! & | ^"
        + " << >> on int, uint, bool and bit values; compute the rest before the loop";
  }

  static ParameterExpression angle(Value v, Token at) {
    if (v instanceof Value.Runtime) {
      throw error(
          at,
          "a gate angle must be known when the circuit is built, but this one is known only when"
              + " the circuit runs (it reads a variable a loop on a measurement changes); choose"
              + " among known angles with if/else on that variable instead");
    }
    return v instanceof Symbolic s ? s.expression() : ParameterExpression.of(real(v, at));
  }
}
