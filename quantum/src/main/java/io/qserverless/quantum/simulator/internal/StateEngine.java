package io.qserverless.quantum.simulator.internal;

import io.qserverless.quantum.circuit.CircuitInstruction;
import io.qserverless.quantum.circuit.Gate;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.circuit.StandardGate;
import io.qserverless.quantum.math.ComplexMatrix;
import io.qserverless.quantum.simulator.Precision;
import io.qserverless.quantum.simulator.SimulatorException;
import java.util.ArrayList;
import java.util.List;

/**
 * A mutable statevector with gate application. Runs of single-qubit gates on a qubit become one 2x2
 * matrix (dropped if it is the identity to 1e-15, e.g. H·H), queued when something else touches
 * that qubit; on states larger than a chunk the queue is applied in {@link Sweep}s, many gates per
 * pass over memory, when the state is read.
 *
 * <p>The state is one interleaved (re, im) array of 2^(n+1) entries: both parts of an amplitude
 * share a cache line, so a gate streams through memory once. In double precision gates run on it
 * directly or in sweeps; in single precision (floats) every gate runs in a sweep, whose chunk
 * buffer is double. Java arrays cap both at 29 qubits (8 GiB double, 4 GiB single). Not
 * thread-safe; kernels parallelise internally on large states.
 */
public final class StateEngine {
  public static final int MAX_QUBITS = 29;

  /** Qubits per sweep chunk: 2^15 amplitudes, a 512 KiB buffer, half the L2 of a core here. */
  public static final int CHUNK_QUBITS = 15;

  /** Steps queued before a flush: bounds memory and planning time on long circuits. */
  static final int MAX_QUEUE = 1 << 12;

  /** A product of 1-qubit gates this close to a phase times the identity is skipped. */
  static final double IDENTITY_TOLERANCE = 1e-15;

  private final int n;
  private final int chunkQubits;
  private final Precision precision;

  /** Double amplitudes, or null in single precision. */
  private final double[] s;

  private final float[] f;
  private final Storage storage;
  private final double[][] pending;
  private final List<Step> queue = new ArrayList<>();
  private double phase;
  private long passes;

  /** The state |0...0> on {@code numQubits} qubits. */
  public StateEngine(int numQubits) {
    this(numQubits, CHUNK_QUBITS);
  }

  /**
   * As above with sweeps of {@code chunkQubits} qubits ({@link Sweep#RUN_BITS} to 15); 0 applies
   * gate by gate, each in a pass of its own (the unfused simulator, kept for comparison).
   */
  public StateEngine(int numQubits, int chunkQubits) {
    this(numQubits, chunkQubits, Precision.DOUBLE);
  }

  public StateEngine(int numQubits, Precision precision) {
    this(numQubits, CHUNK_QUBITS, precision);
  }

  StateEngine(int numQubits, int chunkQubits, Precision precision) {
    if (numQubits < 0 || numQubits > MAX_QUBITS) {
      throw new SimulatorException(
          "cannot simulate "
              + numQubits
              + " qubits: the statevector simulator handles 0 to "
              + MAX_QUBITS
              + " (29 qubits take 8 GiB, or 4 GiB in single precision)");
    }
    requireHeap(numQubits, precision, Runtime.getRuntime().maxMemory());
    Parallel.requireValidSetting();
    if (precision == Precision.SINGLE && chunkQubits == 0) {
      throw new IllegalArgumentException(
          "single precision runs every gate in a sweep: chunk qubits must not be 0");
    }
    if (chunkQubits != 0 && (chunkQubits < Sweep.RUN_BITS || chunkQubits > CHUNK_QUBITS)) {
      throw new IllegalArgumentException(
          "chunk qubits must be 0 (no sweeps) or "
              + Sweep.RUN_BITS
              + " to "
              + CHUNK_QUBITS
              + ", got "
              + chunkQubits);
    }
    this.n = numQubits;
    this.chunkQubits = chunkQubits;
    this.precision = precision;
    if (precision == Precision.DOUBLE) {
      this.s = new double[2 << numQubits];
      this.s[0] = 1;
      this.f = null;
      this.storage = Storage.of(s);
    } else {
      this.s = null;
      this.f = new float[2 << numQubits];
      this.f[0] = 1;
      this.storage = Storage.of(f);
    }
    this.pending = new double[numQubits][];
  }

  /**
   * Refuses a state larger than the heap before allocating it, with the figures and the way out (an
   * OutOfMemoryError would say neither).
   */
  static void requireHeap(int numQubits, Precision precision, long maxHeap) {
    long need = precision.stateBytes(numQubits);
    if (need > maxHeap) {
      String single =
          precision == Precision.DOUBLE
              ? " or single precision (" + gib(Precision.SINGLE.stateBytes(numQubits)) + ")"
              : "";
      throw new SimulatorException(
          "a "
              + numQubits
              + "-qubit state in "
              + precision.name().toLowerCase()
              + " precision needs "
              + gib(need)
              + " but the JVM's maximum heap is "
              + gib(maxHeap)
              + ": start Java with a larger -Xmx (at least "
              + (need / (1L << 30) + 1)
              + "g)"
              + single);
    }
  }

  private static String gib(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
  }

  private StateEngine(StateEngine other) {
    this.n = other.n;
    this.chunkQubits = other.chunkQubits;
    this.precision = other.precision;
    this.s = other.s == null ? null : other.s.clone();
    this.f = other.f == null ? null : other.f.clone();
    this.storage = s != null ? Storage.of(s) : Storage.of(f);
    this.pending = new double[n][];
    for (int q = 0; q < n; q++) {
      pending[q] = other.pending[q] == null ? null : other.pending[q].clone();
    }
    this.phase = other.phase;
  }

  /** A copy with the same pending gates. */
  public StateEngine copy() {
    runQueue();
    return new StateEngine(this);
  }

  public int numQubits() {
    return n;
  }

  /** Passes over the whole state so far: one per sweep or per gate applied alone. */
  public long passes() {
    return passes;
  }

  /**
   * Applies every gate of a gate-only circuit (barriers and delays skipped) and its global phase.
   */
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
      flushPending(q);
    }
    int last = qubits[qubits.length - 1];
    int controls = Step.maskOf(qubits) & ~(1 << last);
    add(
        switch (sg) {
          case CX, CCX, MCX -> Step.one(controls, last, StandardGate.X.matrix(1).toArray());
          case MCP -> Step.one(controls, last, StandardGate.P.matrix(1, g.paramValues()).toArray());
          case CY, CZ, CH, CS, CSDG, CSX, CP, CU1, CRX, CRY, CRZ, CU, CU3, CCZ, C3SX ->
              Step.one(controls, last, controlledBlock(g.matrix(), qubits.length - 1));
          case SWAP -> Step.swap(0, qubits[0], qubits[1]);
          case CSWAP -> Step.swap(1 << qubits[0], qubits[1], qubits[2]);
          default -> Step.dense(qubits, g.matrix().toArray());
        });
  }

  /** Applies the step now on a state that fits one chunk, else queues it for a sweep. */
  private void add(Step step) {
    if (s != null && (chunkQubits == 0 || n <= chunkQubits)) {
      step.apply(s, n);
      passes++;
      return;
    }
    queue.add(step);
    if (queue.size() >= MAX_QUEUE) {
      runQueue();
    }
  }

  private void runQueue() {
    if (queue.isEmpty()) {
      return;
    }
    for (Sweep sweep : Sweep.plan(queue, n, Math.min(n, chunkQubits))) {
      if (s != null && sweep.steps().size() == 1) {
        sweep.steps().get(0).apply(s, n);
      } else {
        sweep.apply(storage, n);
      }
      passes++;
    }
    queue.clear();
  }

  /** The 2x2 block of a controlled gate's matrix where all {@code controls} low qubits are 1. */
  private static double[] controlledBlock(ComplexMatrix m, int controls) {
    int mask = (1 << controls) - 1, one = mask | (1 << controls);
    return new double[] {
      m.re(mask, mask), m.im(mask, mask), m.re(mask, one), m.im(mask, one),
      m.re(one, mask), m.im(one, mask), m.re(one, one), m.im(one, one)
    };
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

  private void flushPending(int q) {
    double[] m = pending[q];
    if (m == null) {
      return;
    }
    pending[q] = null;
    double off = Math.max(Math.hypot(m[2], m[3]), Math.hypot(m[4], m[5]));
    if (off <= IDENTITY_TOLERANCE
        && Math.hypot(m[0] - m[6], m[1] - m[7]) <= IDENTITY_TOLERANCE
        && Math.abs(Math.hypot(m[0], m[1]) - 1) <= IDENTITY_TOLERANCE) {
      phase += Math.atan2(m[1], m[0]);
      return;
    }
    add(Step.one(0, q, m));
  }

  public void addGlobalPhase(double p) {
    phase += p;
  }

  /** Probability that qubit q reads 1. */
  public double probabilityOne(int q) {
    flushPending(q);
    runQueue();
    return s != null ? Kernels.probabilityOne(s, n, q) : Kernels.probabilityOne(f, n, q);
  }

  /**
   * Projects qubit q on {@code outcome} of probability {@code p}; {@code reset} then sets it to
   * |0>.
   */
  public void collapse(int q, int outcome, double p, boolean reset) {
    flushPending(q);
    double k = 1 / Math.sqrt(p);
    // keeps the outcome's half, scaled; a reset after reading 1 moves it to |0>
    add(
        Step.one(
            0,
            q,
            outcome == 0
                ? new double[] {k, 0, 0, 0, 0, 0, 0, 0}
                : reset
                    ? new double[] {0, 0, k, 0, 0, 0, 0, 0}
                    : new double[] {0, 0, 0, 0, 0, 0, k, 0}));
  }

  public Precision precision() {
    return precision;
  }

  /**
   * The probability of basis state i; call {@link #settle} first. Reads the state in place, so that
   * outcomes of a single-precision state need no double copy.
   */
  public double probability(int i) {
    if (s != null) {
      return s[2 * i] * s[2 * i] + s[2 * i + 1] * s[2 * i + 1];
    }
    double re = f[2 * i], im = f[2 * i + 1];
    return re * re + im * im;
  }

  /**
   * The amplitudes after all pending gates and the global phase: the engine's own array in double
   * precision, a double copy in single precision.
   */
  public double[] amplitudes() {
    settle();
    if (s != null) {
      return s;
    }
    double[] copy = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      copy[i] = f[i];
    }
    return copy;
  }

  /** Applies all pending gates and the global phase. */
  public void settle() {
    for (int q = 0; q < n; q++) {
      flushPending(q);
    }
    if (phase != 0 && n == 0) {
      double re = amplitude0(0), im = amplitude0(1);
      setAmplitude0(
          re * Math.cos(phase) - im * Math.sin(phase), re * Math.sin(phase) + im * Math.cos(phase));
      phase = 0;
    }
    if (phase != 0) {
      // joins the last sweep instead of a pass of its own
      add(
          Step.one(
              0,
              0,
              new double[] {
                Math.cos(phase), Math.sin(phase), 0, 0, 0, 0, Math.cos(phase), Math.sin(phase)
              }));
      phase = 0;
    }
    runQueue();
  }

  private double amplitude0(int part) {
    return s != null ? s[part] : f[part];
  }

  private void setAmplitude0(double re, double im) {
    if (s != null) {
      s[0] = re;
      s[1] = im;
    } else {
      f[0] = (float) re;
      f[1] = (float) im;
    }
  }
}
