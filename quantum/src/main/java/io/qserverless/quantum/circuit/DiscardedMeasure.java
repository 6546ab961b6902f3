package io.qserverless.quantum.circuit;

/**
 * A measurement whose result is not kept (OpenQASM 3 {@code measure q;}): the qubit collapses to
 * |0&gt; or |1&gt; with their probabilities and no classical bit is written, so the outcome is in
 * no register and no count.
 */
public record DiscardedMeasure() implements Operation {
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
    return 0;
  }
}
