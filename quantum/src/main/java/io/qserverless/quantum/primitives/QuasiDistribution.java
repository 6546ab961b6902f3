package io.qserverless.quantum.primitives;

import java.io.Serializable;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Probabilities of classical outcomes, keyed by the clbits read as an integer (clbit 0 least
 * significant), as Qiskit's {@code quasi_dists[i]}: {@code {1: 0.5, 3: 0.5}}.
 *
 * <p>An unmodifiable map in ascending key order; zero outcomes are absent. {@link #shots()} is null
 * for exact distributions. Values are probabilities here (never negative), the name is Qiskit's.
 */
public final class QuasiDistribution extends AbstractMap<Integer, Double> implements Serializable {
  private final SortedMap<Integer, Double> probabilities;
  private final int numClbits;
  private final Integer shots;

  public QuasiDistribution(Map<Integer, Double> probabilities, int numClbits, Integer shots) {
    this.probabilities = Collections.unmodifiableSortedMap(new TreeMap<>(probabilities));
    this.numClbits = numClbits;
    this.shots = shots;
  }

  @Override
  public Set<Entry<Integer, Double>> entrySet() {
    return probabilities.entrySet();
  }

  @Override
  public Double get(Object key) {
    return probabilities.get(key);
  }

  /** Number of shots behind sampled frequencies, or null when exact. */
  public Integer shots() {
    return shots;
  }

  public int numClbits() {
    return numClbits;
  }

  /**
   * The same probabilities keyed by bitstrings of the circuit's clbit count (clbit 0 rightmost).
   */
  public Map<String, Double> binaryProbabilities() {
    return binaryProbabilities(numClbits);
  }

  public Map<String, Double> binaryProbabilities(int numBits) {
    Map<String, Double> out = new LinkedHashMap<>();
    probabilities.forEach((k, p) -> out.put(Bitstrings.of(k, numBits), p));
    return out;
  }
}
