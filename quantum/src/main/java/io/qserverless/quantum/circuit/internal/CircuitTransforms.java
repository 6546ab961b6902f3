package io.qserverless.quantum.circuit.internal;

import io.qserverless.quantum.circuit.Barrier;
import io.qserverless.quantum.circuit.CircuitInstruction;
import io.qserverless.quantum.circuit.Condition;
import io.qserverless.quantum.circuit.Delay;
import io.qserverless.quantum.circuit.Gate;
import io.qserverless.quantum.circuit.Operation;
import io.qserverless.quantum.circuit.QuantumCircuit;
import java.util.Arrays;

/** Whole-circuit transformations behind {@link QuantumCircuit}'s compose, inverse and decompose. */
public final class CircuitTransforms {
  private CircuitTransforms() {}

  public static QuantumCircuit compose(
      QuantumCircuit first, QuantumCircuit other, int[] qubits, int[] clbits) {
    if (qubits.length != other.numQubits() || clbits.length != other.numClbits()) {
      throw new IllegalArgumentException(
          "composing a circuit of "
              + other.numQubits()
              + " qubits and "
              + other.numClbits()
              + " clbits needs as many target bits, got "
              + qubits.length
              + " and "
              + clbits.length);
    }
    QuantumCircuit out = first.copy();
    out.setGlobalPhase(first.globalPhase().add(other.globalPhase()));
    for (CircuitInstruction in : other.data()) {
      Condition cond = in.condition();
      if (cond != null) {
        int[] bits = map(cond.clbits(), clbits);
        // the register name only survives if the same register is in the target circuit
        boolean sameRegister = cond.register() != null && out.registers().contains(cond.register());
        cond = new Condition(sameRegister ? cond.register() : null, bits, cond.value());
      }
      out.append(
          new CircuitInstruction(
              in.operation(), map(in.qubits(), qubits), map(in.clbits(), clbits), cond));
    }
    return out;
  }

  public static QuantumCircuit inverse(QuantumCircuit c) {
    QuantumCircuit out = c.copyEmpty().setGlobalPhase(c.globalPhase().neg());
    for (int i = c.size() - 1; i >= 0; i--) {
      CircuitInstruction in = c.data().get(i);
      Operation op = in.operation();
      if (in.condition() != null
          || !(op instanceof Gate || op instanceof Barrier || op instanceof Delay)) {
        throw new IllegalArgumentException(
            "cannot invert circuit '"
                + c.name()
                + "': instruction "
                + i
                + " ("
                + in
                + ") is not unitary; remove measurements, resets and conditions first");
      }
      out.append(op instanceof Gate g ? in.withOperation(g.inverse()) : in);
    }
    return out;
  }

  public static QuantumCircuit decompose(QuantumCircuit c) {
    QuantumCircuit out = c.copyEmpty();
    for (CircuitInstruction in : c.data()) {
      if (in.operation() instanceof Gate g && g.definition().isPresent()) {
        QuantumCircuit def = g.definition().get();
        out.setGlobalPhase(out.globalPhase().add(def.globalPhase()));
        for (CircuitInstruction d : def.data()) {
          out.append(
              new CircuitInstruction(
                  d.operation(), map(d.qubits(), in.qubits()), new int[0], in.condition()));
        }
      } else {
        out.append(in);
      }
    }
    return out;
  }

  private static int[] map(int[] bits, int[] to) {
    int[] out = new int[bits.length];
    Arrays.setAll(out, i -> to[bits[i]]);
    return out;
  }
}
