package io.qserverless.quantum.primitives;

import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.simulator.StatevectorSimulator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The Sampler primitive (Qiskit's V1 reference Sampler): outcome distributions of circuits.
 *
 * <pre>{@code
 * QuasiDistribution dist = new Sampler().run(circuit).result().quasiDists().get(0); // exact
 * QuasiDistribution freq = new Sampler().withShots(1000).withSeed(42).run(circuit).result().quasiDists().get(0);
 * }</pre>
 *
 * <p>Without shots the distribution is exact (outcomes under 1e-12 dropped); with shots it holds
 * sampled frequencies, reproducible for a seed. Immutable and thread-safe.
 */
public final class Sampler {
  private final Integer shots;
  private final Long seed;

  public Sampler() {
    this(null, null);
  }

  private Sampler(Integer shots, Long seed) {
    this.shots = shots;
    this.seed = seed;
  }

  /** A sampler that draws {@code shots} samples per circuit instead of computing exactly. */
  public Sampler withShots(int shots) {
    if (shots < 1) {
      throw new IllegalArgumentException(
          "shots must be at least 1, got " + shots + "; omit shots for exact distributions");
    }
    return new Sampler(shots, seed);
  }

  /** A sampler whose sampling is reproducible (only matters with shots). */
  public Sampler withSeed(long seed) {
    return new Sampler(shots, seed);
  }

  public PrimitiveJob<SamplerResult> run(QuantumCircuit... circuits) {
    return run(List.of(circuits));
  }

  public PrimitiveJob<SamplerResult> run(List<QuantumCircuit> circuits) {
    return run(circuits, Collections.nCopies(circuits.size(), List.of()));
  }

  /** Runs each circuit with its parameter values (in the circuit's {@code parameters()} order). */
  public PrimitiveJob<SamplerResult> run(
      List<QuantumCircuit> circuits, List<? extends List<? extends Number>> parameterValues) {
    if (parameterValues.size() != circuits.size()) {
      throw new IllegalArgumentException(
          circuits.size()
              + " circuits were given with "
              + parameterValues.size()
              + " parameter value lists: give one list per circuit");
    }
    List<QuasiDistribution> dists = new ArrayList<>();
    List<Map<String, Object>> metadata = new ArrayList<>();
    long baseSeed = seed != null ? seed : System.nanoTime();
    for (int i = 0; i < circuits.size(); i++) {
      QuantumCircuit c = Parameters.bind(circuits.get(i), parameterValues.get(i));
      Parameters.requireMeasurements(c, i);
      if (shots == null) {
        dists.add(
            new QuasiDistribution(StatevectorSimulator.exactDistribution(c), c.numClbits(), null));
        metadata.add(Map.of());
      } else {
        SortedMap<Integer, Integer> counts =
            StatevectorSimulator.sampleCounts(c, shots, baseSeed + i);
        Map<Integer, Double> freq = new HashMap<>();
        counts.forEach((k, n) -> freq.put(k, n / (double) shots));
        dists.add(new QuasiDistribution(freq, c.numClbits(), shots));
        metadata.add(Map.of("shots", shots));
      }
    }
    return new PrimitiveJob<>(new SamplerResult(dists, metadata));
  }
}
