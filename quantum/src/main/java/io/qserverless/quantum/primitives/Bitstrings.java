package io.qserverless.quantum.primitives;

/** Formats outcome integers as Qiskit bitstrings: most significant bit first, zero-padded. */
final class Bitstrings {
  private Bitstrings() {}

  static String of(long value, int numBits) {
    String bits = Long.toBinaryString(value);
    return bits.length() >= numBits ? bits : "0".repeat(numBits - bits.length()) + bits;
  }
}
