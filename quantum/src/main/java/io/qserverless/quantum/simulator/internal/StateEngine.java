package io.qserverless.quantum.simulator.internal;

import io.qserverless.quantum.simulator.SimulatorException;

import io.qserverless.quantum.circuit.CircuitInstruction;
import io.qserverless.quantum.circuit.Gate;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.circuit.StandardGate;
import io.qserverless.quantum.math.ComplexMatrix;
import java.util.Arrays;

/**
 * A mutable statevector with gate application: picks the cheapest kernel for each gate and
 * fuses runs of single-qubit gates on a qubit into one 2x2 matrix, applied only when something
 * else touches that qubit (or the state is read).
 *
 * <p>The state is one interleaved (re, im) double array of 2^(n+1) entries: both parts of an
 * amplitude share a cache line, so a gate streams through memory once. Java arrays cap this at
 * 29 qubits (8 GiB). Not thread-safe; kernels parallelise internally on large states.
 */
public final class StateEngine {
  public static final int MAX_QUBITS = 29;

  private final int n;
  private final double[] s;
  private final double[][] pending;
  private double phase;

  /** The state |0...0> on {@code numQubits} qubits. */
  public StateEngine(int numQubits) {
    if (numQubits < 0 || numQubits > MAX_QUBITS) {
      throw new SimulatorException(
          "cannot simulate " + numQubits + " qubits: the statevector simulator handles 0 to " + MAX_QUBITS
              + " (29 qubits take 8 GiB)");
    }
    this.n = numQubits;
    this.s = new double[2 << numQubits];
    this.s[0] = 1;
    this.pending = new double[numQubits][];
  }

  private StateEngine(StateEngine other) {
    this.n = other.n;
    this.s = other.s.clone();
    this.pending = new double[n][];
    for (int q = 0; q < n; q++) {
      pending[q] = other.pending[q] == null ? null : other.pending[q].clone();
    }
    this.phase = other.phase;
  }

  public StateEngine copy() {
    return new StateEngine(this);
  }

  public int numQubits() {
    return n;
  }

  /** Applies every gate of a gate-only circuit (barriers and delays skipped) and its global phase. */
  public void applyCircuit(QuantumCircuit c, int[] qubitMap) {
    phase += c.globalPhase().evaluate();
    for (CircuitInstruction in : c.data()) {
      if (in.operation() instanceof Gate g) {
        int[] qs = in.qubits();
        for (int i = 0; i < qs.length; i++) {
          qs[i] = qubitMap[qs[i]];
        }
        apply(g, qs);
      }
    }
  }

  public void apply(Gate g, int[] qubits) {
    StandardGate sg = g.standardGate();
    if (sg == null) {
      QuantumCircuit def = g.definition().orElseThrow();
      applyCircuit(def, qubits);
      return;
    }
    if (qubits.length == 1) {
      double[] m = g.matrix().toArray();
      int q = qubits[0];
      pending[q] = pending[q] == null ? m : multiply(m, pending[q]);
      return;
    }
    for (int q : qubits) {
      flush(q);
    }
    switch (sg) {
      case CX, CCX, MCX -> controlled(qubits, StandardGate.X.matrix(1).toArray());
      case MCP -> controlled(qubits, StandardGate.P.matrix(1, g.paramValues()).toArray());
      case CY, CZ, CH, CS, CSDG, CSX, CP, CU1, CRX, CRY, CRZ, CU, CU3, CCZ, C3SX ->
          controlled(qubits, controlledBlock(g.matrix(), qubits.length - 1));
      case SWAP -> Kernels.swap(s, n, sorted(qubits), 0, qubits[0], qubits[1]);
      case CSWAP -> Kernels.swap(s, n, sorted(qubits), 1 << qubits[0], qubits[1], qubits[2]);
      default -> Kernels.dense(s, n, qubits, sorted(qubits), g.matrix().toArray());
    }
  }

  private void controlled(int[] qubits, double[] m) {
    int target = qubits[qubits.length - 1];
    int mask = 0;
    for (int i = 0; i < qubits.length - 1; i++) {
      mask |= 1 << qubits[i];
    }
    apply2x2(sorted(qubits), mask, target, m);
  }

  private void apply2x2(int[] fixed, int mask, int target, double[] m) {
    if (m[2] == 0 && m[3] == 0 && m[4] == 0 && m[5] == 0) {
      if (!(m[0] == 1 && m[1] == 0 && m[6] == 1 && m[7] == 0)) {
        Kernels.diagonal(s, n, fixed, mask, target, m);
      }
    } else if (m[0] == 0 && m[1] == 0 && m[6] == 0 && m[7] == 0) {
      Kernels.antiDiagonal(s, n, fixed, mask, target, m);
    } else {
      Kernels.general(s, n, fixed, mask, target, m);
    }
  }

  /** The 2x2 block of a controlled gate's matrix where all {@code controls} low qubits are 1. */
  private static double[] controlledBlock(ComplexMatrix m, int controls) {
    int mask = (1 << controls) - 1, one = mask | (1 << controls);
    return new double[] {
      m.re(mask, mask), m.im(mask, mask), m.re(mask, one), m.im(mask, one),
      m.re(one, mask), m.im(one, mask), m.re(one, one), m.im(one, one)
    };
  }

  private static int[] sorted(int[] qubits) {
    int[] f = qubits.clone();
    Arrays.sort(f);
    return f;
  }

  private static double[] multiply(double[] a, double[] b) {
    double[] r = new double[8];
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        double re = 0, im = 0;
        for (int k = 0; k < 2; k++) {
          double ar = a[2 * (2 * i + k)], ai = a[2 * (2 * i + k) + 1];
          double br = b[2 * (2 * k + j)], bi = b[2 * (2 * k + j) + 1];
          re += ar * br - ai * bi;
          im += ar * bi + ai * br;
        }
        r[2 * (2 * i + j)] = re;
        r[2 * (2 * i + j) + 1] = im;
      }
    }
    return r;
  }

  private void flush(int q) {
    double[] m = pending[q];
    if (m != null) {
      pending[q] = null;
      apply2x2(new int[] {q}, 0, q, m);
    }
  }

  public void addGlobalPhase(double p) {
    phase += p;
  }

  /** Probability that qubit q reads 1. */
  public double probabilityOne(int q) {
    flush(q);
    return Kernels.probabilityOne(s, n, q);
  }

  /** Projects qubit q on {@code outcome} of probability {@code p}; {@code reset} then sets it to |0>. */
  public void collapse(int q, int outcome, double p, boolean reset) {
    flush(q);
    Kernels.collapse(s, n, q, outcome, p, reset && outcome == 1);
  }

  /** The amplitudes after all pending gates and the global phase; the engine's own array. */
  public double[] amplitudes() {
    for (int q = 0; q < n; q++) {
      flush(q);
    }
    if (phase != 0) {
      Kernels.globalPhase(s, phase);
      phase = 0;
    }
    return s;
  }
}
