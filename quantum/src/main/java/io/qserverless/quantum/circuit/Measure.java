package io.qserverless.quantum.circuit;

/** Measurement of one qubit in the computational basis into one classical bit. */
public record Measure() implements Operation {
  @Override
  public String name() {
    return "measure";
  }

  @Override
  public int numQubits() {
    return 1;
  }

  @Override
  public int numClbits() {
    return 1;
  }
}
