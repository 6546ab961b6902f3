package io.qserverless.quantum.qasm3.internal;

import io.qserverless.quantum.circuit.ClassicalExpr;
import io.qserverless.quantum.circuit.ParameterExpression;
import java.util.Arrays;
import java.util.List;

/**
 * A classical value while a program is unrolled: known now ({@link Int}, {@link Real}, {@link
 * Bool}, {@link Bits}, {@link Array}, {@link Angle}), a symbolic angle over {@code input}
 * parameters ({@link Symbolic}), a function of measured bits ({@link Dynamic}), or a value the
 * circuit computes while it runs ({@link Runtime}).
 */
sealed interface Value {

  record Int(long value) implements Value {}

  record Real(double value) implements Value {}

  record Bool(boolean value) implements Value {}

  /** A {@code bit[width]} value, bit 0 least significant. */
  record Bits(long value, int width) implements Value {}

  record Array(List<Value> items) implements Value {}

  /**
   * An {@code angle[width]}: the fixed-point fraction {@code bits / 2^width} of a turn, so its
   * value is 2π·bits/2^width, arithmetic wraps modulo 2π, and the bits are those of a {@code
   * uint[width]} (1 ≤ width ≤ 64; bits unsigned).
   */
  record Angle(long bits, int width) implements Value {
    /** The angle in radians, in [0, 2π). */
    double radians() {
      double turn = bits >= 0 ? bits : (bits >>> 1) * 2.0 + (bits & 1);
      return 2 * Math.PI * (turn / Math.pow(2, width));
    }
  }

  /** An angle that depends on {@code input} parameters; only gate arguments may use it. */
  record Symbolic(ParameterExpression expression) implements Value {}

  /**
   * A value known only once the circuit runs: for each assignment of the measured {@code clbits}
   * (assignment bit i is clbit {@code clbits[i]}) the known value {@code table[assignment]}. {@code
   * versions} are the clbits' write counts when read, so a value read before a bit was measured
   * again is recognised as stale. {@code register} names the register it reads whole, if any (a
   * condition on it is then written {@code if (c == n)}).
   */
  record Dynamic(int[] clbits, int[] versions, Value[] table, String register) implements Value {
    @Override
    public boolean equals(Object o) {
      return o instanceof Dynamic d
          && Arrays.equals(clbits, d.clbits)
          && Arrays.equals(versions, d.versions)
          && Arrays.equals(table, d.table);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(clbits) * 31 + Arrays.hashCode(table);
    }

    @Override
    public String toString() {
      return "a value that depends on measured clbits " + Arrays.toString(clbits);
    }
  }

  /**
   * A value the circuit itself computes while it runs, from its run-time variables (a variable a
   * loop on a measurement changes from pass to pass): an expression of the circuit. {@code reads}
   * are the measured values it was built from, checked still fresh when it is used.
   */
  record Runtime(ClassicalExpr expression, List<Dynamic> reads) implements Value {}

  /** How an error message shows this value. */
  static String show(Value v) {
    return switch (v) {
      case Int i -> Long.toString(i.value());
      case Real r -> Double.toString(r.value());
      case Bool b -> Boolean.toString(b.value());
      case Bits b -> '"' + bitString(b) + '"';
      case Array a -> a.items().stream().map(Value::show).toList().toString();
      case Angle a ->
          "angle[" + a.width() + "] \"" + bitString(new Bits(a.bits(), a.width())) + '"';
      case Symbolic s -> s.expression().toString();
      case Dynamic d -> d.toString();
      case Runtime r ->
          "a value known only when the circuit runs (it reads a variable a loop on a measurement"
              + " changes)";
    };
  }

  private static String bitString(Bits b) {
    StringBuilder s = new StringBuilder();
    for (int i = b.width() - 1; i >= 0; i--) {
      s.append(b.value() >>> i & 1);
    }
    return s.toString();
  }
}
