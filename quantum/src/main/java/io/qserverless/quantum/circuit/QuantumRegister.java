package io.qserverless.quantum.circuit;

/** A named group of qubits, as declared by {@code qreg name[size];}. */
public record QuantumRegister(int size, String name) implements Register {
  public QuantumRegister {
    Register.validate("quantum register", name, size);
  }

  /** A register named {@code q}, as Qiskit names an unnamed circuit's qubits. */
  public QuantumRegister(int size) {
    this(size, "q");
  }
}
