package io.qserverless.quantum.simulator;

import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.simulator.internal.CircuitRunner;
import io.qserverless.quantum.simulator.internal.Outcomes;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * Exact statevector simulation of circuits with measurements, resets and classical conditions, in
 * double precision unless a {@link Precision} says otherwise.
 *
 * <pre>{@code
 * Map<Integer, Double> dist = StatevectorSimulator.exactDistribution(bellWithMeasureAll); // {0=0.5, 3=0.5}
 * Map<Integer, Integer> counts = StatevectorSimulator.sampleCounts(bellWithMeasureAll, 1000, 42);
 * Map<Integer, Double> big = StatevectorSimulator.exactDistribution(qc29, Precision.SINGLE); // 4 GiB, not 8
 * }</pre>
 *
 * <p>Outcome keys are the clbits as an integer, clbit 0 least significant (Qiskit's convention). A
 * circuit measured only at the end is simulated once. Mid-circuit measurements and resets are
 * followed exactly branch by branch (up to {@value #MAX_BRANCHES} branches; a split copies the
 * state, so only states up to 20 qubits split); when sampling beyond those limits, each shot is
 * simulated as its own trajectory. Deterministic outcomes (a reset of |0>) never split. Thread-safe
 * (no shared state).
 *
 * <p>A {@link io.qserverless.quantum.circuit.WhileLoop} runs as many passes as each branch's bits
 * say. Exact mode stops following a branch about to start another pass once its probability is
 * below {@value #LOOP_CUTOFF}: that probability is missing from the distribution ({@link
 * Exact#truncated()}); as dropped branches count against {@value #MAX_BRANCHES}, the total dropped
 * is below 4.1e-12. Sampling draws from that distribution (renormalised) or, past the branching
 * limits, runs the loop per shot. A run that makes more than {@value #MAX_LOOP_PASSES} loop passes
 * is refused as endless.
 */
public final class StatevectorSimulator {
  /**
   * Outcomes with probability at most this are dropped from exact distributions (double precision).
   */
  public static final double TOLERANCE = 1e-12;

  public static final int MAX_BRANCHES = 1 << 12;
  public static final int MAX_BRANCHING_QUBITS = CircuitRunner.MAX_BRANCHING_QUBITS;
  public static final double LOOP_CUTOFF = CircuitRunner.LOOP_CUTOFF;
  public static final int MAX_LOOP_PASSES = CircuitRunner.MAX_LOOP_PASSES;

  /**
   * An exact distribution and the probability left out of it: loop branches dropped below {@link
   * #LOOP_CUTOFF} (outcomes under the tolerance are dropped too, as in {@link #exactDistribution}).
   */
  public record Exact(SortedMap<Integer, Double> distribution, double truncated) {}

  private StatevectorSimulator() {}

  /**
   * One run with measurement outcomes drawn from a seeded RNG.
   *
   * @param state the final state; terminal measurements are read from it, not applied to it
   * @param clbits the classical bits at the end, clbit 0 least significant
   */
  public record Trajectory(Statevector state, int clbits) {}

  public static Trajectory run(QuantumCircuit circuit, long seed) {
    CircuitRunner runner = new CircuitRunner(circuit);
    RandomGenerator rnd = new SplittableRandom(seed);
    Outcomes outcomes =
        new Outcomes(circuit.numQubits(), circuit.numClbits(), runner.terminalMeasurements());
    Trajectory[] out = new Trajectory[1];
    runner.runTrajectory(
        rnd,
        (state, clbits, weight) ->
            outcomes.sample(
                state,
                clbits,
                1,
                rnd,
                k ->
                    out[0] =
                        new Trajectory(
                            new Statevector(circuit.numQubits(), state.amplitudes()), k)));
    return out[0];
  }

  /**
   * The exact probability of each clbit outcome, ascending keys, zero outcomes dropped. Throws
   * {@link SimulatorException} (saying to use shots) past the branching limits.
   */
  public static SortedMap<Integer, Double> exactDistribution(QuantumCircuit circuit) {
    return exactDistribution(circuit, Precision.DOUBLE);
  }

  /**
   * As above with amplitudes stored in {@code precision}; in {@link Precision#SINGLE} outcomes up
   * to {@link Precision#tolerance()} (1e-6) are dropped, as they are within rounding.
   */
  public static SortedMap<Integer, Double> exactDistribution(
      QuantumCircuit circuit, Precision precision) {
    return exact(circuit, precision).distribution();
  }

  /** {@link #exactDistribution} with the probability the while-loop cutoff left out. */
  public static Exact exact(QuantumCircuit circuit, Precision precision) {
    try {
      return branchExactly(circuit, precision);
    } catch (CircuitRunner.TooManyBranchesException e) {
      throw new SimulatorException("circuit '" + circuit.name() + "': " + e.getMessage(), e);
    }
  }

  private static Exact branchExactly(QuantumCircuit circuit, Precision precision) {
    CircuitRunner runner = new CircuitRunner(circuit, precision);
    Outcomes outcomes =
        new Outcomes(circuit.numQubits(), circuit.numClbits(), runner.terminalMeasurements());
    runner.runExact(MAX_BRANCHES, outcomes::add);
    return new Exact(outcomes.distribution(precision.tolerance()), runner.truncated());
  }

  /** {@code shots} sampled outcomes as counts per clbit integer, reproducible for a seed. */
  public static SortedMap<Integer, Integer> sampleCounts(
      QuantumCircuit circuit, int shots, long seed) {
    return sampleCounts(circuit, shots, seed, Precision.DOUBLE);
  }

  /** As above with amplitudes stored in {@code precision}. */
  public static SortedMap<Integer, Integer> sampleCounts(
      QuantumCircuit circuit, int shots, long seed, Precision precision) {
    TreeMap<Integer, Integer> counts = new TreeMap<>();
    for (int key : sampleShots(circuit, shots, seed, precision)) {
      counts.merge(key, 1, Integer::sum);
    }
    return counts;
  }

  /**
   * {@code shots} sampled outcomes (clbit integers) in random shot order, reproducible for a seed.
   */
  public static int[] sampleShots(QuantumCircuit circuit, int shots, long seed) {
    return sampleShots(circuit, shots, seed, Precision.DOUBLE);
  }

  private static int[] sampleShots(
      QuantumCircuit circuit, int shots, long seed, Precision precision) {
    if (shots < 1) {
      throw new IllegalArgumentException("shots must be at least 1, got " + shots);
    }
    CircuitRunner runner = new CircuitRunner(circuit, precision);
    RandomGenerator rnd = new SplittableRandom(seed);
    int[] keys = new int[shots];
    int[] next = new int[1];
    Outcomes outcomes =
        new Outcomes(circuit.numQubits(), circuit.numClbits(), runner.terminalMeasurements());
    if (!runner.branches()) {
      runner.runExact(
          1,
          (state, clbits, w) ->
              outcomes.sample(state, clbits, shots, rnd, k -> keys[next[0]++] = k));
      shuffle(keys, rnd);
      return keys;
    }
    try {
      sampleFrom(branchExactly(circuit, precision).distribution(), rnd, keys);
      return keys;
    } catch (CircuitRunner.TooManyBranchesException e) {
      // fall through: simulate shot by shot
    }
    for (int shot = 0; shot < shots; shot++) {
      runner.runTrajectory(
          rnd,
          (state, clbits, w) -> outcomes.sample(state, clbits, 1, rnd, k -> keys[next[0]++] = k));
    }
    return keys;
  }

  private static void shuffle(int[] a, RandomGenerator rnd) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  private static void sampleFrom(Map<Integer, Double> dist, RandomGenerator rnd, int[] out) {
    int[] keys = dist.keySet().stream().mapToInt(Integer::intValue).toArray();
    double[] cumulative = new double[keys.length];
    double total = 0;
    for (int i = 0; i < keys.length; i++) {
      total += dist.get(keys[i]);
      cumulative[i] = total;
    }
    for (int shot = 0; shot < out.length; shot++) {
      int i = Arrays.binarySearch(cumulative, rnd.nextDouble() * total);
      i = i >= 0 ? i + 1 : -i - 1;
      out[shot] = keys[Math.min(i, keys.length - 1)];
    }
  }
}
