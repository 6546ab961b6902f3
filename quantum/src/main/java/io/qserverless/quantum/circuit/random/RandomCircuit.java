package io.qserverless.quantum.circuit.random;

import static io.qserverless.quantum.circuit.StandardGate.*;

import io.qserverless.quantum.circuit.CircuitInstruction;
import io.qserverless.quantum.circuit.ClassicalRegister;
import io.qserverless.quantum.circuit.Operation;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.circuit.Reset;
import io.qserverless.quantum.circuit.StandardGate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Random circuits with the structure and distribution of Qiskit's {@code random_circuit}.
 *
 * <pre>{@code
 * QuantumCircuit qc = RandomCircuit.randomCircuit(2, 2, 7);   // as random_circuit(2, 2, seed=7)
 * qc.measureAll();
 * }</pre>
 *
 * <p>As in Qiskit: the fractions of 1-, 2-, 3- and 4-qubit gates are drawn once from a flat
 * Dirichlet distribution over 1..min(maxOperands, numQubits); each of {@code depth} layers draws
 * gates until the next would not fit, fills leftover qubits with gate sizes still under their
 * share, and places the gates on a random permutation of the qubits; angles are uniform in [0, 2π).
 * With {@code conditional}, from the second layer on each gate is, with probability 0.1, preceded
 * by measuring every qubit into register {@code c} and conditioned on {@code c} equal to a random
 * value. With {@code reset}, reset joins the one-qubit choices. Same seed, same circuit (Java's
 * SplittableRandom, so not the circuits Qiskit draws for that seed).
 */
public final class RandomCircuit {
  private static final StandardGate[][] GATES = {
    {I, SX, X, RZ, R, H, P, RX, RY, S, SDG, SXDG, T, TDG, U, U1, U2, U3, Y, Z},
    {
      CX,
      DCX,
      CH,
      CP,
      CRX,
      CRY,
      CRZ,
      CSX,
      CU,
      CU1,
      CU3,
      CY,
      CZ,
      RXX,
      RYY,
      RZZ,
      RZX,
      XX_MINUS_YY,
      XX_PLUS_YY,
      ECR,
      CS,
      CSDG,
      SWAP,
      ISWAP
    },
    {CCX, CSWAP, CCZ, RCCX},
    {C3SX, RC3X},
  };
  private static final double CONDITIONAL_PROBABILITY = 0.1;

  private RandomCircuit() {}

  /** Qiskit's defaults: at most 4 operands, no measurement, conditionals or resets. */
  public static QuantumCircuit randomCircuit(int numQubits, int depth, long seed) {
    return randomCircuit(numQubits, depth, 4, false, false, false, seed);
  }

  public static QuantumCircuit randomCircuit(
      int numQubits,
      int depth,
      int maxOperands,
      boolean measure,
      boolean conditional,
      boolean reset,
      long seed) {
    if (maxOperands < 1 || maxOperands > 4) {
      throw new IllegalArgumentException("maxOperands must be between 1 and 4, got " + maxOperands);
    }
    if (numQubits < 0 || depth < 0) {
      throw new IllegalArgumentException(
          "a random circuit needs 0 or more qubits and layers, got "
              + numQubits
              + " qubits, depth "
              + depth);
    }
    if (numQubits == 0) {
      return new QuantumCircuit(0);
    }
    RandomGenerator rnd = new SplittableRandom(seed);
    int kinds = Math.min(maxOperands, numQubits);
    double[] share = dirichlet(kinds, rnd);
    List<Spec> specs = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (int k = 1; k <= kinds; k++) {
      List<Spec> list = choices(k, reset);
      for (Spec s : list) {
        specs.add(s);
        weights.add(share[k - 1] / list.size());
      }
    }
    QuantumCircuit qc = new QuantumCircuit(numQubits);
    ClassicalRegister cr = new ClassicalRegister(numQubits, "c");
    if (measure || conditional) {
      qc.addRegister(cr);
    }
    int[] qubits = new int[numQubits];
    Arrays.setAll(qubits, i -> i);
    int[] counter = new int[5];
    int total = 0;
    for (int layer = 0; layer < depth; layer++) {
      List<Spec> chosen = new ArrayList<>();
      int used = 0;
      // Qiskit draws numQubits candidates and keeps the longest prefix that fits
      boolean fits = true;
      for (int i = 0; i < numQubits; i++) {
        Spec s = specs.get(pick(weights, rnd));
        if (fits && used + s.qubits() <= numQubits) {
          chosen.add(s);
          used += s.qubits();
        } else {
          fits = false;
        }
      }
      for (Spec s : chosen) {
        counter[s.qubits()]++;
      }
      total += chosen.size();
      double[] current = new double[5];
      for (int k = 1; k <= 4; k++) {
        current[k] = counter[k] / (double) total;
      }
      int slack = numQubits - used;
      boolean added = true;
      while (slack > 0 && added) {
        added = false;
        for (int k = kinds; k >= 1; k--) {
          if (slack >= k && current[k] < share[k - 1]) {
            List<Spec> list = choices(k, reset);
            chosen.add(list.get(rnd.nextInt(list.size())));
            counter[k]++;
            total++;
            slack -= k;
            added = true;
          }
        }
      }
      shuffle(qubits, rnd);
      int next = 0;
      for (Spec s : chosen) {
        Operation op = s.instantiate(rnd);
        int[] on = Arrays.copyOfRange(qubits, next, next + s.qubits());
        next += s.qubits();
        if (conditional && layer != 0 && rnd.nextDouble() < CONDITIONAL_PROBABILITY) {
          long value = (rnd.nextLong() >>> 1) % (1L << Math.min(numQubits, 62));
          qc.measure(qc.qregs().get(0), cr);
          qc.append(new CircuitInstruction(op, on, new int[0], null));
          qc.cIf(cr, value);
        } else {
          qc.append(op, on);
        }
      }
    }
    if (measure) {
      qc.measure(qc.qregs().get(0), cr);
    }
    return qc;
  }

  /** One choice of operation: a standard gate, or reset (gate == null). */
  private record Spec(StandardGate gate) {
    int qubits() {
      return gate == null ? 1 : gate.numQubits();
    }

    Operation instantiate(RandomGenerator rnd) {
      if (gate == null) {
        return new Reset();
      }
      double[] angles = new double[gate.numParams()];
      for (int i = 0; i < angles.length; i++) {
        angles[i] = rnd.nextDouble() * 2 * Math.PI;
      }
      return gate.gate(angles);
    }
  }

  private static List<Spec> choices(int operands, boolean reset) {
    List<Spec> list = new ArrayList<>(Arrays.stream(GATES[operands - 1]).map(Spec::new).toList());
    if (operands == 1 && reset) {
      list.add(new Spec(null));
    }
    return list;
  }

  /** A draw from the flat Dirichlet distribution: normalised exponential variates. */
  private static double[] dirichlet(int k, RandomGenerator rnd) {
    double[] x = new double[k];
    double sum = 0;
    for (int i = 0; i < k; i++) {
      x[i] = -Math.log(1 - rnd.nextDouble());
      sum += x[i];
    }
    for (int i = 0; i < k; i++) {
      x[i] /= sum;
    }
    return x;
  }

  private static int pick(List<Double> weights, RandomGenerator rnd) {
    double u = rnd.nextDouble();
    double cumulative = 0;
    for (int i = 0; i < weights.size(); i++) {
      cumulative += weights.get(i);
      if (u < cumulative) {
        return i;
      }
    }
    return weights.size() - 1;
  }

  private static void shuffle(int[] a, RandomGenerator rnd) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
