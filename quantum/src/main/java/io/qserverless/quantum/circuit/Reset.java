package io.qserverless.quantum.circuit;

/** Non-unitary reset of one qubit to |0&gt;. */
public record Reset() implements Operation {
  @Override
  public String name() {
    return "reset";
  }

  @Override
  public int numQubits() {
    return 1;
  }

  @Override
  public int numClbits() {
    return 0;
  }
}
