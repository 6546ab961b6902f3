package io.qserverless.quantum.qasm3.internal;

import static io.qserverless.quantum.qasm3.internal.Syntax.error;

import io.qserverless.quantum.qasm2.internal.Token;
import io.qserverless.quantum.qasm3.internal.Value.Angle;
import io.qserverless.quantum.qasm3.internal.Value.Bits;
import io.qserverless.quantum.qasm3.internal.Value.Bool;
import io.qserverless.quantum.qasm3.internal.Value.Int;
import io.qserverless.quantum.qasm3.internal.Value.Real;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * {@code angle[n]} as the OpenQASM 3 specification defines it (types.rst "Angles", "Casting from
 * float/angle/bit"; classical.rst "Angles"): an n-bit unsigned fraction of 2π. A float becomes the
 * nearest angle after reduction modulo 2π, ties to the even pattern; sums, differences, products
 * and quotients by unsigned integers wrap as uint[n] does; an angle divided by an angle is a
 * uint[n]; negation is 2π − a; bitwise operators and shifts act on the bits; comparisons compare
 * the bits. A real operand of + − or a comparison is first made an angle of the same width. Casting
 * to a narrower angle rounds, ties to even (the specification allows rounding or truncation).
 */
final class Angles {

  private static final BigDecimal TWO_PI = new BigDecimal(2 * Math.PI);

  private Angles() {}

  /** The angle[width] nearest to {@code radians} modulo 2π. */
  static Angle of(double radians, int width, Token at) {
    if (!Double.isFinite(radians)) {
      throw error(at, "cannot make an angle of " + radians + "; use a finite number");
    }
    double turn = radians % (2 * Math.PI);
    if (turn < 0) {
      turn += 2 * Math.PI;
    }
    // scaled exactly (BigDecimal), then rounded half to even as the specification asks
    BigDecimal scaled =
        new BigDecimal(turn).divide(TWO_PI, 40, RoundingMode.HALF_EVEN).multiply(pow2(width));
    BigDecimal rounded = scaled.setScale(0, RoundingMode.HALF_EVEN);
    return new Angle(rounded.toBigInteger().longValue() & Operators.mask(width), width);
  }

  private static BigDecimal pow2(int width) {
    return new BigDecimal(java.math.BigInteger.ONE.shiftLeft(width));
  }

  /** {@code v} as an angle[width]: floats by value, angles re-sized, bit[width] bit for bit. */
  static Angle cast(Value v, int width, Token at) {
    if (width > 64) {
      throw error(at, "angle[" + width + "] is wider than this reader's 64 bits; use angle[64]");
    }
    return switch (v) {
      case Angle a when a.width() == width -> a;
      case Angle a when a.width() < width -> new Angle(a.bits() << (width - a.width()), width);
      case Angle a -> narrow(a, width);
      case Bits b when b.width() == width -> new Angle(b.value(), width);
      case Bits b ->
          throw error(
              at,
              "a bit["
                  + b.width()
                  + "] becomes an angle["
                  + width
                  + "] only at the same width; slice it to "
                  + width
                  + " bits");
      case Real r -> of(r.value(), width, at);
      case Int i -> of(i.value(), width, at);
      default ->
          throw error(
              at, "cannot convert " + Value.show(v) + " to angle[" + width + "]; give a float");
    };
  }

  /** Fewer bits: the nearest, ties to the even pattern. */
  private static Angle narrow(Angle a, int width) {
    int shift = a.width() - width;
    long q = a.bits() >>> shift;
    long rest = a.bits() & Operators.mask(shift);
    long half = 1L << (shift - 1);
    if (Long.compareUnsigned(rest, half) > 0 || (rest == half && (q & 1) == 1)) {
      q++;
    }
    return new Angle(q & Operators.mask(width), width);
  }

  /** An angle converted to another type: float, bool, or bit[n] of its width. */
  static Value convert(Angle a, Syntax.Type.Kind kind, int width, Token at) {
    return switch (kind) {
      case FLOAT -> new Real(a.radians());
      case BOOL -> new Bool(a.bits() != 0);
      case BIT -> {
        if (width != a.width()) {
          throw error(
              at,
              "an angle["
                  + a.width()
                  + "] becomes bits only as bit["
                  + a.width()
                  + "]; slice it for fewer bits");
        }
        yield new Bits(a.bits(), width);
      }
      case ANGLE -> width == 0 ? new Real(a.radians()) : cast(a, width, at);
      default ->
          throw error(
              at,
              "an angle cannot be cast to "
                  + kind.name().toLowerCase()
                  + "; cast it to bit["
                  + a.width()
                  + "] or float first");
    };
  }

  static Value unary(String op, Angle a) {
    return switch (op) {
      case "-" -> new Angle(-a.bits() & Operators.mask(a.width()), a.width());
      case "~" -> new Angle(~a.bits() & Operators.mask(a.width()), a.width());
      default -> new Bool(a.bits() == 0);
    };
  }

  /** {@code a op b} where at least one side is an angle. */
  static Value binary(String op, Value a, Value b, Token at) {
    Angle angle = a instanceof Angle x ? x : (Angle) b;
    int width = angle.width();
    long mask = Operators.mask(width);
    return switch (op) {
      case "+", "-" -> {
        long x = bits(a, width, at);
        long y = bits(b, width, at);
        yield new Angle((op.equals("+") ? x + y : x - y) & mask, width);
      }
      case "*" -> {
        Value k = a instanceof Angle ? b : a;
        yield new Angle(angle.bits() * count(k, "multiply", at) & mask, width);
      }
      case "/" -> {
        if (!(a instanceof Angle)) {
          throw error(at, "an integer cannot be divided by an angle; divide the angle instead");
        }
        if (b instanceof Angle d) {
          yield new Int(Long.divideUnsigned(angle.bits(), nonZero(bits(d, width, at), at)));
        }
        yield new Angle(
            Long.divideUnsigned(angle.bits(), nonZero(count(b, "divide", at), at)), width);
      }
      case "==", "!=", "<", ">", "<=", ">=" -> {
        yield Operators.compared(op, Long.compareUnsigned(bits(a, width, at), bits(b, width, at)));
      }
      case "&", "|", "^" -> {
        long x = bits(a, width, at);
        long y = bits(b, width, at);
        yield new Angle(
            switch (op) {
                  case "&" -> x & y;
                  case "|" -> x | y;
                  default -> x ^ y;
                }
                & mask,
            width);
      }
      case "<<", ">>" -> {
        if (!(a instanceof Angle)) {
          throw error(at, "shift the angle by an unsigned integer, not an integer by an angle");
        }
        long k = count(b, "shift", at);
        long shifted = k >= 64 ? 0 : op.equals("<<") ? angle.bits() << k : angle.bits() >>> k;
        yield new Angle(shifted & mask, width);
      }
      case "**" -> new Real(Math.pow(Operators.real(a, at), Operators.real(b, at)));
      case "&&", "||" -> {
        boolean x = Operators.truth(a, at);
        boolean y = Operators.truth(b, at);
        yield new Bool(op.equals("&&") ? x && y : x || y);
      }
      default ->
          throw error(
              at,
              "'"
                  + op
                  + "' is not defined on angles; cast to float first: float[64](a) "
                  + op
                  + " b");
    };
  }

  /** The other operand of + − or a comparison as bits of an angle[width]. */
  private static long bits(Value v, int width, Token at) {
    return switch (v) {
      case Angle a when a.width() == width -> a.bits();
      case Angle a ->
          throw error(
              at,
              "these angles have different widths ("
                  + width
                  + " and "
                  + a.width()
                  + " bits); cast one: angle["
                  + width
                  + "](...)");
      case Real r -> of(r.value(), width, at).bits();
      case Int i -> of(i.value(), width, at).bits();
      default ->
          throw error(at, "cannot combine an angle with " + Value.show(v) + "; give an angle");
    };
  }

  /** An unsigned integer that multiplies, divides or shifts an angle. */
  private static long count(Value v, String what, Token at) {
    if (v instanceof Int || v instanceof Bits || v instanceof Bool) {
      return Operators.integer(v, at);
    }
    throw error(
        at,
        "an angle can "
            + what
            + " by an unsigned integer only, not "
            + Value.show(v)
            + "; cast the angle to float first: float[64](a)");
  }

  private static long nonZero(long divisor, Token at) {
    if (divisor == 0) {
      throw error(at, "angle division by zero; change the divisor");
    }
    return divisor;
  }
}
