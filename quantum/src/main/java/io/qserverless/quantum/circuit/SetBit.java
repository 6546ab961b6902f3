package io.qserverless.quantum.circuit;

/**
 * Writes a known value into one classical bit (OpenQASM 3 {@code c[0] = 1;}, {@code bit[2] f =
 * "11";}); under a condition it copies computed values into bits, one value at a time.
 *
 * @param value 0 or 1
 */
public record SetBit(int value) implements Operation {
  public SetBit {
    if (value != 0 && value != 1) {
      throw new IllegalArgumentException("a bit is set to 0 or 1, not " + value);
    }
  }

  @Override
  public String name() {
    return "set_bit";
  }

  @Override
  public int numQubits() {
    return 0;
  }

  @Override
  public int numClbits() {
    return 1;
  }
}
