package io.qserverless.quantum.simulator.internal;

import io.qserverless.quantum.circuit.Barrier;
import io.qserverless.quantum.circuit.CircuitInstruction;
import io.qserverless.quantum.circuit.Delay;
import io.qserverless.quantum.circuit.Gate;
import io.qserverless.quantum.circuit.Measure;
import io.qserverless.quantum.circuit.Operation;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.circuit.Reset;
import io.qserverless.quantum.simulator.Precision;
import io.qserverless.quantum.simulator.SimulatorException;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Runs a circuit with measurements, resets and classical conditions.
 *
 * <p>Terminal measurements (nothing later touches the qubit or the clbit) are not simulated: at the
 * end their clbits are read off the final state's probabilities, so a circuit measured only at the
 * end is simulated once, whatever the number of shots. Every other measurement or reset splits the
 * run: {@link #walk} follows both outcomes with their probabilities (exact mode, the state copied
 * per branch) or draws one with the RNG (trajectory mode).
 */
public final class CircuitRunner {
  /** Outcomes below this probability are treated as impossible (rounding residue). */
  static final double EPS = 1e-13;

  /** Largest state exact branching copies: 2^20 amplitudes, 16 MiB per branch. */
  public static final int MAX_BRANCHING_QUBITS = 20;

  /** What the runner hands over at the end of each branch. */
  public interface Leaf {
    /** The final state, clbits set by non-terminal measurements, and the branch's probability. */
    void accept(StateEngine state, int clbits, double weight);
  }

  private final QuantumCircuit circuit;
  private final Precision precision;
  private final List<CircuitInstruction> data;
  private final boolean[] terminal;
  private final boolean branches;
  private int leaves;
  private int maxLeaves = Integer.MAX_VALUE;

  public CircuitRunner(QuantumCircuit circuit) {
    this(circuit, Precision.DOUBLE);
  }

  public CircuitRunner(QuantumCircuit circuit, Precision precision) {
    if (circuit.numClbits() > 31) {
      throw new SimulatorException(
          "circuit '"
              + circuit.name()
              + "' has "
              + circuit.numClbits()
              + " clbits: the simulator's outcomes are int keys, so at most 31 clbits");
    }
    if (circuit.isParameterized()) {
      throw new SimulatorException(
          "circuit '"
              + circuit.name()
              + "' has unbound parameters "
              + circuit.parameters()
              + ": bind them with assignParameters or pass parameter values");
    }
    this.circuit = circuit;
    this.precision = precision;
    this.data = circuit.data();
    this.terminal = new boolean[data.size()];
    boolean[] qubitTouched = new boolean[circuit.numQubits()];
    boolean[] clbitUsed = new boolean[circuit.numClbits()];
    boolean split = false;
    for (int i = data.size() - 1; i >= 0; i--) {
      CircuitInstruction in = data.get(i);
      Operation op = in.operation();
      if (op instanceof Measure) {
        terminal[i] =
            !qubitTouched[in.qubit(0)] && !clbitUsed[in.clbit(0)] && in.condition() == null;
        split |= !terminal[i];
      } else if (op instanceof Reset) {
        split = true;
      } else if (!(op instanceof Gate || op instanceof Barrier || op instanceof Delay)) {
        throw new SimulatorException(
            "the simulator does not support '"
                + op.name()
                + "' in circuit '"
                + circuit.name()
                + "'");
      }
      if (!(op instanceof Barrier)) {
        for (int q : in.qubits()) {
          qubitTouched[q] = true;
        }
        for (int c : in.clbits()) {
          clbitUsed[c] = true;
        }
      }
      if (in.condition() != null) {
        split = true;
        for (int c : in.condition().clbits()) {
          clbitUsed[c] = true;
        }
      }
    }
    this.branches = split;
  }

  public QuantumCircuit circuit() {
    return circuit;
  }

  /** True if the run may split (mid-circuit measurement, reset or condition). */
  public boolean branches() {
    return branches;
  }

  /** Terminal measurements as pairs (qubit, clbit). */
  public int[][] terminalMeasurements() {
    int count = 0;
    for (boolean t : terminal) {
      count += t ? 1 : 0;
    }
    int[][] pairs = new int[count][];
    int k = 0;
    for (int i = 0; i < data.size(); i++) {
      if (terminal[i]) {
        pairs[k++] = new int[] {data.get(i).qubit(0), data.get(i).clbit(0)};
      }
    }
    return pairs;
  }

  /** Exact mode: every branch with non-zero probability reaches {@code leaf}; at most maxLeaves. */
  public void runExact(int maxLeaves, Leaf leaf) {
    this.maxLeaves = maxLeaves;
    this.leaves = 0;
    walk(new StateEngine(circuit.numQubits(), precision), 0, 0, 1, null, leaf);
  }

  /** Trajectory mode: one run, measurement outcomes drawn from {@code rnd}. */
  public void runTrajectory(RandomGenerator rnd, Leaf leaf) {
    walk(new StateEngine(circuit.numQubits(), precision), 0, 0, 1, rnd, leaf);
  }

  private void walk(
      StateEngine e, int from, int clbits, double weight, RandomGenerator rnd, Leaf leaf) {
    if (from == 0) {
      e.addGlobalPhase(circuit.globalPhase().evaluate());
    }
    for (int i = from; i < data.size(); i++) {
      CircuitInstruction in = data.get(i);
      if (in.condition() != null && !in.condition().test(clbits)) {
        continue;
      }
      Operation op = in.operation();
      if (op instanceof Gate g) {
        e.apply(g, in.qubits());
      } else if ((op instanceof Measure && !terminal[i]) || op instanceof Reset) {
        boolean reset = op instanceof Reset;
        int q = in.qubit(0);
        double p1 = Math.min(1, Math.max(0, e.probabilityOne(q)));
        double p0 = 1 - p1;
        int outcome;
        if (p1 <= EPS) {
          outcome = 0;
        } else if (p0 <= EPS) {
          outcome = 1;
        } else if (rnd == null) {
          if (e.numQubits() > MAX_BRANCHING_QUBITS) {
            throw new TooManyBranchesException(
                "the measurement or reset at instruction "
                    + i
                    + " splits a "
                    + e.numQubits()
                    + "-qubit state; exact branching copies the state, so it is limited to "
                    + MAX_BRANCHING_QUBITS
                    + " qubits: run the circuit with shots to sample instead");
          }
          StateEngine other = e.copy();
          other.collapse(q, 1, p1, reset);
          walk(other, i + 1, reset ? clbits : clbits | 1 << in.clbit(0), weight * p1, null, leaf);
          outcome = 0;
          weight *= p0;
        } else {
          outcome = rnd.nextDouble() < p1 ? 1 : 0;
        }
        double p = outcome == 1 ? p1 : p0;
        if (p < 1 || (reset && outcome == 1)) {
          e.collapse(q, outcome, p, reset);
        }
        if (!reset) {
          int bit = 1 << in.clbit(0);
          clbits = outcome == 1 ? clbits | bit : clbits & ~bit;
        }
      }
    }
    if (rnd == null && ++leaves > maxLeaves) {
      throw new TooManyBranchesException(
          "the circuit's mid-circuit measurements give more than "
              + maxLeaves
              + " outcome branches: run it with shots to sample instead of computing exactly");
    }
    leaf.accept(e, clbits, weight);
  }

  /** Exact branching stopped: too many branches, or a branch of a state too large to copy. */
  public static final class TooManyBranchesException extends SimulatorException {
    TooManyBranchesException(String message) {
      super(message);
    }
  }
}
