package io.qserverless.quantum.circuit;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A classical condition on an instruction: it runs only if the given classical bits, read as an
 * integer with the first listed bit least significant, equal {@code value} (OpenQASM 2 {@code if (c
 * == 3)}, Qiskit's {@code c_if}).
 *
 * @param register the register compared, or null when the condition is on a single bit
 * @param clbits the global clbit indices compared (the register's bits, or the one bit)
 */
public record Condition(ClassicalRegister register, int[] clbits, long value)
    implements Serializable {
  public Condition {
    clbits = clbits.clone();
    if (clbits.length == 0 || clbits.length > 63) {
      throw new IllegalArgumentException(
          "a condition compares " + clbits.length + " bits: it needs 1 to 63");
    }
    if (value < 0 || (clbits.length < 63 && value >= 1L << clbits.length)) {
      throw new IllegalArgumentException(
          "condition value "
              + value
              + " does not fit in "
              + clbits.length
              + " bits: use 0.."
              + ((1L << Math.min(clbits.length, 62)) - 1));
    }
  }

  /** True if the condition holds for classical bits given as a mask (bit k = clbit k). */
  public boolean test(long bits) {
    long v = 0;
    for (int i = 0; i < clbits.length; i++) {
      v |= (bits >>> clbits[i] & 1) << i;
    }
    return v == value;
  }

  @Override
  public int[] clbits() {
    return clbits.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Condition c
        && java.util.Objects.equals(register, c.register)
        && Arrays.equals(clbits, c.clbits)
        && value == c.value;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(clbits) * 31 + Long.hashCode(value);
  }

  @Override
  public String toString() {
    return (register != null ? register.name() : "clbit " + clbits[0]) + "==" + value;
  }
}
