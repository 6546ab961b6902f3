package io.qserverless.quantum.primitives;

import io.qserverless.quantum.circuit.QuantumCircuit;
import java.util.List;

/**
 * One SamplerV2 input ("primitive unified bloc"): a circuit, values for its parameters (in {@code
 * circuit.parameters()} order; empty if it has none) and optionally its own shot count.
 *
 * @param shots null to use the sampler's default
 */
public record SamplerPub(QuantumCircuit circuit, List<Double> parameterValues, Integer shots) {
  public SamplerPub {
    parameterValues = List.copyOf(parameterValues);
    if (shots != null && shots < 1) {
      throw new IllegalArgumentException("a pub's shots must be at least 1, got " + shots);
    }
  }

  public static SamplerPub of(QuantumCircuit circuit) {
    return new SamplerPub(circuit, List.of(), null);
  }

  public static SamplerPub of(QuantumCircuit circuit, List<Double> parameterValues) {
    return new SamplerPub(circuit, parameterValues, null);
  }

  public SamplerPub withShots(int shots) {
    return new SamplerPub(circuit, parameterValues, shots);
  }
}
