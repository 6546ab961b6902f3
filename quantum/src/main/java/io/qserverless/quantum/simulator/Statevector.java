package io.qserverless.quantum.simulator;

import io.qserverless.quantum.circuit.Barrier;
import io.qserverless.quantum.circuit.CircuitInstruction;
import io.qserverless.quantum.circuit.Delay;
import io.qserverless.quantum.circuit.Gate;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.info.SparsePauliOp;
import io.qserverless.quantum.simulator.internal.PauliExpectation;
import io.qserverless.quantum.simulator.internal.StateEngine;

/**
 * A pure state of n qubits as 2^n complex amplitudes, little-endian (bit k of an index is qubit k).
 *
 * <pre>{@code
 * QuantumCircuit bell = new QuantumCircuit(2);
 * bell.h(0).cx(0, 1);
 * Statevector psi = Statevector.fromCircuit(bell);   // (|00> + |11>)/√2
 * double zz = psi.expectationValue(SparsePauliOp.of("ZZ"));   // 1.0
 * }</pre>
 *
 * <p>Immutable once built. Amplitudes live in one interleaved (re, im) array; no method copies it
 * unless its name says so, which keeps a 28-qubit state (4 GiB) to one allocation.
 */
public final class Statevector {
  private final int n;
  private final double[] a;

  Statevector(int numQubits, double[] interleaved) {
    this.n = numQubits;
    this.a = interleaved;
  }

  /** The state a gate-only circuit prepares from |0...0> (barriers and delays allowed). */
  public static Statevector fromCircuit(QuantumCircuit circuit) {
    for (CircuitInstruction in : circuit.data()) {
      boolean unitary =
          in.operation() instanceof Gate
              || in.operation() instanceof Barrier
              || in.operation() instanceof Delay;
      if (!unitary || in.condition() != null) {
        throw new IllegalArgumentException(
            "Statevector.fromCircuit needs a circuit of gates only, but '"
                + circuit.name()
                + "' has '"
                + in
                + "'; use StatevectorSimulator.run for measurements, resets and conditions");
      }
    }
    StateEngine engine = new StateEngine(circuit.numQubits());
    int[] identity = new int[circuit.numQubits()];
    java.util.Arrays.setAll(identity, i -> i);
    engine.applyCircuit(circuit, identity);
    return new Statevector(circuit.numQubits(), engine.amplitudes());
  }

  /** A state from interleaved (re, im) amplitudes; copied. */
  public static Statevector of(double... interleaved) {
    int dim = interleaved.length / 2;
    if (dim == 0 || Integer.bitCount(dim) != 1 || interleaved.length != 2 * dim) {
      throw new IllegalArgumentException(
          "a statevector needs 2*2^n doubles (re, im interleaved), got " + interleaved.length);
    }
    return new Statevector(Integer.numberOfTrailingZeros(dim), interleaved.clone());
  }

  public int numQubits() {
    return n;
  }

  public int dim() {
    return 1 << n;
  }

  public double re(int index) {
    return a[2 * index];
  }

  public double im(int index) {
    return a[2 * index + 1];
  }

  public double probability(int index) {
    return a[2 * index] * a[2 * index] + a[2 * index + 1] * a[2 * index + 1];
  }

  /** All 2^n outcome probabilities (a new array, half the state's size). */
  public double[] probabilities() {
    double[] p = new double[dim()];
    for (int i = 0; i < p.length; i++) {
      p[i] = probability(i);
    }
    return p;
  }

  /** Marginal probabilities of the given qubits; qubits[0] is the least significant outcome bit. */
  public double[] probabilities(int... qubits) {
    double[] p = new double[1 << qubits.length];
    for (int i = 0; i < dim(); i++) {
      int key = 0;
      for (int b = 0; b < qubits.length; b++) {
        key |= (i >> qubits[b] & 1) << b;
      }
      p[key] += probability(i);
    }
    return p;
  }

  /** A copy of the interleaved (re, im) amplitudes. */
  public double[] toArray() {
    return a.clone();
  }

  /** The squared norm (1 for a valid state). */
  public double norm2() {
    double s = 0;
    for (double v : a) {
      s += v * v;
    }
    return s;
  }

  /** ⟨ψ|O|ψ⟩ for a Pauli-sum observable on the same number of qubits. */
  public double expectationValue(SparsePauliOp op) {
    if (op.numQubits() != n) {
      throw new IllegalArgumentException(
          "observable " + op + " acts on " + op.numQubits() + " qubits but the state has " + n);
    }
    double total = 0;
    for (SparsePauliOp.Term t : op.terms()) {
      total += t.coeff() * pauliExpectation(t.label());
    }
    return total;
  }

  private double pauliExpectation(String label) {
    return PauliExpectation.of(a, SparsePauliOp.xMask(label), SparsePauliOp.zMask(label));
  }

  /** True if the states are equal up to a global phase, amplitude by amplitude within tol. */
  public boolean equivalent(Statevector other, double tol) {
    if (other.n != n) {
      return false;
    }
    double ip = 0, iq = 0;
    for (int i = 0; i < dim(); i++) {
      ip += other.a[2 * i] * a[2 * i] + other.a[2 * i + 1] * a[2 * i + 1];
      iq += other.a[2 * i] * a[2 * i + 1] - other.a[2 * i + 1] * a[2 * i];
    }
    return Math.abs(Math.hypot(ip, iq) - Math.sqrt(norm2() * other.norm2())) <= tol;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Statevector[");
    for (int i = 0; i < Math.min(dim(), 16); i++) {
      sb.append(String.format("%s%.4f%+.4fi", i == 0 ? "" : ", ", re(i), im(i)));
    }
    return sb.append(dim() > 16 ? ", ...]" : "]").toString();
  }
}
