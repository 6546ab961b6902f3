package io.qserverless.quantum.primitives;

import java.util.List;
import java.util.Map;

/** The result of {@link Sampler#run}: one quasi-distribution and one metadata map per circuit. */
public record SamplerResult(
    List<QuasiDistribution> quasiDists, List<Map<String, Object>> metadata) {
  public SamplerResult {
    quasiDists = List.copyOf(quasiDists);
    metadata = List.copyOf(metadata);
  }
}
