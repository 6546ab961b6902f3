package io.qserverless.quantum.primitives;

import io.qserverless.quantum.circuit.ClassicalRegister;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.simulator.StatevectorSimulator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The V2 Sampler primitive: shots per classical register for each pub.
 *
 * <pre>{@code
 * var result = new SamplerV2().withSeed(7).run(SamplerPub.of(bell)).result();
 * Map<String, Integer> counts = result.get(0).data("meas").getCounts(); // {"00"=..., "11"=...}
 * }</pre>
 *
 * <p>{@value #DEFAULT_SHOTS} shots unless the sampler or the pub says otherwise. Immutable and
 * thread-safe.
 */
public final class SamplerV2 {
  public static final int DEFAULT_SHOTS = 1024;

  private final int defaultShots;
  private final Long seed;

  public SamplerV2() {
    this(DEFAULT_SHOTS, null);
  }

  private SamplerV2(int defaultShots, Long seed) {
    this.defaultShots = defaultShots;
    this.seed = seed;
  }

  public SamplerV2 withDefaultShots(int shots) {
    if (shots < 1) {
      throw new IllegalArgumentException("default shots must be at least 1, got " + shots);
    }
    return new SamplerV2(shots, seed);
  }

  public SamplerV2 withSeed(long seed) {
    return new SamplerV2(defaultShots, seed);
  }

  public PrimitiveJob<PrimitiveResult<SamplerPubResult>> run(QuantumCircuit... circuits) {
    return run(java.util.Arrays.stream(circuits).map(SamplerPub::of).toList());
  }

  public PrimitiveJob<PrimitiveResult<SamplerPubResult>> run(SamplerPub... pubs) {
    return run(List.of(pubs));
  }

  public PrimitiveJob<PrimitiveResult<SamplerPubResult>> run(List<SamplerPub> pubs) {
    long baseSeed = seed != null ? seed : System.nanoTime();
    List<SamplerPubResult> results = new ArrayList<>();
    for (int i = 0; i < pubs.size(); i++) {
      SamplerPub pub = pubs.get(i);
      QuantumCircuit c = Parameters.bind(pub.circuit(), pub.parameterValues());
      Parameters.requireMeasurements(c, i);
      int shots = pub.shots() != null ? pub.shots() : defaultShots;
      int[] keys = StatevectorSimulator.sampleShots(c, shots, baseSeed + i);
      Map<String, BitArray> data = new LinkedHashMap<>();
      for (ClassicalRegister reg : c.cregs()) {
        int offset = c.offsetOf(reg);
        long mask = (1L << reg.size()) - 1;
        long[] values = new long[shots];
        for (int s = 0; s < shots; s++) {
          values[s] = (keys[s] >>> offset) & mask;
        }
        data.put(reg.name(), new BitArray(values, reg.size()));
      }
      results.add(new SamplerPubResult(data, Map.of("shots", shots)));
    }
    return new PrimitiveJob<>(new PrimitiveResult<>(results, Map.of("version", 2)));
  }
}
