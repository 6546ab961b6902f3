package io.qserverless.quantum.primitives;

import java.util.Map;

/**
 * EstimatorV2's result for one pub: an expectation value and its standard error per observable.
 *
 * @param evs the expectation values, in the pub's observable order
 * @param stds the standard error of each (the precision used; 0 when exact)
 */
public record EstimatorPubResult(double[] evs, double[] stds, Map<String, Object> metadata) {
  public EstimatorPubResult {
    evs = evs.clone();
    stds = stds.clone();
    metadata = Map.copyOf(metadata);
  }

  @Override
  public double[] evs() {
    return evs.clone();
  }

  @Override
  public double[] stds() {
    return stds.clone();
  }
}
