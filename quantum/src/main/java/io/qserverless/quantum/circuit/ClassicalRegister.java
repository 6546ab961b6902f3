package io.qserverless.quantum.circuit;

/** A named group of classical bits, as declared by {@code creg name[size];}. */
public record ClassicalRegister(int size, String name) implements Register {
  public ClassicalRegister {
    Register.validate("classical register", name, size);
  }

  /** A register named {@code c}. */
  public ClassicalRegister(int size) {
    this(size, "c");
  }
}
