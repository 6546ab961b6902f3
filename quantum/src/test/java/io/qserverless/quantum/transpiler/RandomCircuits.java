package io.qserverless.quantum.transpiler;

import io.qserverless.quantum.circuit.QuantumCircuit;
import java.util.Random;

/** Seeded random circuits over a broad gate set, measured into shuffled clbits. */
final class RandomCircuits {
  private RandomCircuits() {}

  static QuantumCircuit random(int numQubits, int depth, long seed) {
    Random r = new Random(seed);
    QuantumCircuit qc = new QuantumCircuit(numQubits, numQubits);
    for (int layer = 0; layer < depth; layer++) {
      int a = r.nextInt(numQubits);
      int b = (a + 1 + r.nextInt(numQubits - 1)) % numQubits;
      int c = distinctFrom(r, numQubits, a, b);
      double t = r.nextDouble() * 2 * Math.PI - Math.PI;
      switch (r.nextInt(16)) {
        case 0 -> qc.h(a);
        case 1 -> qc.x(a);
        case 2 -> qc.sx(a);
        case 3 -> qc.rz(t, a);
        case 4 -> qc.ry(t, a);
        case 5 -> qc.u(t, 0.3, -t / 2, a);
        case 6, 7, 8 -> qc.cx(a, b);
        case 9 -> qc.cz(a, b);
        case 10 -> qc.swap(a, b);
        case 11 -> qc.rzz(t, a, b);
        case 12 -> qc.ecr(a, b);
        case 13 -> qc.cp(t, a, b);
        case 14 -> qc.t(a);
        default -> {
          if (c >= 0) {
            qc.ccx(a, b, c);
          } else {
            qc.iswap(a, b);
          }
        }
      }
    }
    int[] clbits = new int[numQubits];
    for (int i = 0; i < numQubits; i++) {
      clbits[i] = i;
    }
    for (int i = numQubits - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int tmp = clbits[i];
      clbits[i] = clbits[j];
      clbits[j] = tmp;
    }
    for (int q = 0; q < numQubits; q++) {
      qc.measure(q, clbits[q]);
    }
    return qc;
  }

  private static int distinctFrom(Random r, int n, int a, int b) {
    if (n < 3) {
      return -1;
    }
    int c;
    do {
      c = r.nextInt(n);
    } while (c == a || c == b);
    return c;
  }
}
