package io.qserverless.quantum.circuit;

/** A directive that stops the transpiler from moving gates across it; no effect on the state. */
public record Barrier(int numQubits) implements Operation {
  public Barrier {
    if (numQubits < 1) {
      throw new IllegalArgumentException(
          "a barrier spans " + numQubits + " qubits: it needs at least 1");
    }
  }

  @Override
  public String name() {
    return "barrier";
  }

  @Override
  public int numClbits() {
    return 0;
  }
}
