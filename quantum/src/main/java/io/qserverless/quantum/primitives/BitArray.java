package io.qserverless.quantum.primitives;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shots of one classical register, as Qiskit's {@code BitArray}: each shot is the register's
 * value, register bit 0 least significant (rightmost in bitstrings).
 */
public final class BitArray {
  private final long[] shots;
  private final int numBits;

  BitArray(long[] shots, int numBits) {
    this.shots = shots;
    this.numBits = numBits;
  }

  public int numShots() {
    return shots.length;
  }

  public int numBits() {
    return numBits;
  }

  /** Counts per bitstring, e.g. {@code {"00"=507, "11"=517}}, in ascending bitstring order. */
  public Map<String, Integer> getCounts() {
    Map<String, Integer> counts = new TreeMap<>();
    for (long v : shots) {
      counts.merge(Bitstrings.of(v, numBits), 1, Integer::sum);
    }
    return counts;
  }

  /** Counts per register value. */
  public Map<Long, Integer> getIntCounts() {
    Map<Long, Integer> counts = new TreeMap<>();
    for (long v : shots) {
      counts.merge(v, 1, Integer::sum);
    }
    return counts;
  }

  /** Each shot's bitstring, in shot order. */
  public List<String> getBitstrings() {
    List<String> out = new ArrayList<>(shots.length);
    for (long v : shots) {
      out.add(Bitstrings.of(v, numBits));
    }
    return out;
  }
}
