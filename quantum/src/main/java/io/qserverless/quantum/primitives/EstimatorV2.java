package io.qserverless.quantum.primitives;

import io.qserverless.quantum.simulator.Statevector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The V2 Estimator primitive (Qiskit's StatevectorEstimator): expectation values per pub.
 *
 * <pre>{@code
 * var r = new EstimatorV2().run(EstimatorPub.of(bell, SparsePauliOp.of("ZZ"), SparsePauliOp.of("XX"))).result();
 * double[] evs = r.get(0).evs(); // [1.0, 1.0]
 * }</pre>
 *
 * <p>With precision 0 (the default) values are exact. A precision p &gt; 0 adds Gaussian noise of
 * standard deviation p to each value, like the shot noise of about 1/p² shots, reproducible with a
 * seed. Immutable and thread-safe.
 */
public final class EstimatorV2 {
  private final double defaultPrecision;
  private final Long seed;

  public EstimatorV2() {
    this(0, null);
  }

  private EstimatorV2(double defaultPrecision, Long seed) {
    this.defaultPrecision = defaultPrecision;
    this.seed = seed;
  }

  public EstimatorV2 withDefaultPrecision(double precision) {
    if (!(precision >= 0)) {
      throw new IllegalArgumentException("default precision must be 0 or more, got " + precision);
    }
    return new EstimatorV2(precision, seed);
  }

  public EstimatorV2 withSeed(long seed) {
    return new EstimatorV2(defaultPrecision, seed);
  }

  public PrimitiveJob<PrimitiveResult<EstimatorPubResult>> run(EstimatorPub... pubs) {
    return run(List.of(pubs));
  }

  public PrimitiveJob<PrimitiveResult<EstimatorPubResult>> run(List<EstimatorPub> pubs) {
    RandomGenerator rnd = new SplittableRandom(seed != null ? seed : System.nanoTime());
    List<EstimatorPubResult> results = new ArrayList<>();
    for (EstimatorPub pub : pubs) {
      double precision = pub.precision() != null ? pub.precision() : defaultPrecision;
      Statevector psi =
          Statevector.fromCircuit(Parameters.bind(pub.circuit(), pub.parameterValues()));
      int n = pub.observables().size();
      double[] evs = new double[n];
      double[] stds = new double[n];
      for (int i = 0; i < n; i++) {
        evs[i] = psi.expectationValue(pub.observables().get(i));
        if (precision > 0) {
          evs[i] += precision * rnd.nextGaussian();
        }
        stds[i] = precision;
      }
      results.add(new EstimatorPubResult(evs, stds, Map.of("target_precision", precision)));
    }
    return new PrimitiveJob<>(new PrimitiveResult<>(results, Map.of("version", 2)));
  }
}
