package io.qserverless.quantum.primitives;

import java.util.List;
import java.util.Map;

/**
 * The result of {@link Estimator#run}: one expectation value and one metadata map per (circuit,
 * observable).
 */
public record EstimatorResult(double[] values, List<Map<String, Object>> metadata) {
  public EstimatorResult {
    values = values.clone();
    metadata = List.copyOf(metadata);
  }

  @Override
  public double[] values() {
    return values.clone();
  }
}
