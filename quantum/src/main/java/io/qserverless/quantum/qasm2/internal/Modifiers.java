package io.qserverless.quantum.qasm2.internal;

import io.qserverless.quantum.circuit.CircuitInstruction;
import io.qserverless.quantum.circuit.Gate;
import io.qserverless.quantum.circuit.GateDefinition;
import io.qserverless.quantum.circuit.Parameter;
import io.qserverless.quantum.circuit.ParameterExpression;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.circuit.StandardGate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Applies OpenQASM 3 gate modifiers ({@code inv @}, {@code pow(k) @}, {@code ctrl(n) @}, {@code
 * negctrl(n) @}) to a gate, giving the sequence of gates they stand for.
 *
 * <p>Modifiers apply right to left. A controlled standard gate becomes its controlled standard
 * counterpart where the model has one ({@code ctrl @ x} is {@code cx}, {@code ctrl(3) @ x} is a
 * four-qubit {@code mcx}); any other gate is controlled through its definition, instruction by
 * instruction, as a new user gate named {@code c_<name>}. {@code pow} takes integers only: a
 * rotation's power is the rotation by that multiple of its angle (any power), any other gate's is
 * the gate repeated (up to {@value #MAX_REPEAT} times).
 */
final class Modifiers {

  static final int MAX_REPEAT = 64;

  /** Standard gates with g(θ)^k = g(kθ) exactly. */
  private static final Set<StandardGate> ROTATIONS =
      EnumSet.of(
          StandardGate.P,
          StandardGate.U1,
          StandardGate.RX,
          StandardGate.RY,
          StandardGate.RZ,
          StandardGate.CP,
          StandardGate.CU1,
          StandardGate.CRX,
          StandardGate.CRY,
          StandardGate.CRZ,
          StandardGate.RXX,
          StandardGate.RYY,
          StandardGate.RZZ,
          StandardGate.RZX,
          StandardGate.MCP);

  /**
   * One gate of the result on qubits local to the call (controls first), or, when {@code gate} is
   * null, a global phase of {@code phase}.
   */
  record Step(Gate gate, ParameterExpression phase, int[] qubits) {}

  private Modifiers() {}

  /** {@code phase} plus {@code more}, without a leading {@code 0+} when nothing was there yet. */
  static ParameterExpression addPhase(ParameterExpression phase, ParameterExpression more) {
    return phase.equals(ParameterExpression.of(0)) ? more : phase.add(more);
  }

  /** The steps of {@code modifiers} applied to {@code base} on its own qubits 0..k-1. */
  static List<Step> apply(
      List<Statement.Modifier> modifiers, Step base, ToIntFunction<Statement.Modifier> count) {
    List<Step> steps = List.of(base);
    for (Statement.Modifier m : modifiers.reversed()) {
      int n = count.applyAsInt(m);
      steps =
          switch (m.kind()) {
            case INV -> inverse(steps);
            case POW -> power(steps, n);
            case CTRL -> control(steps, n);
            case NEGCTRL -> negate(control(steps, n), n);
          };
    }
    return steps;
  }

  private static List<Step> inverse(List<Step> steps) {
    List<Step> out = new ArrayList<>();
    for (Step s : steps.reversed()) {
      out.add(
          s.gate() == null
              ? new Step(null, s.phase().neg(), s.qubits())
              : new Step(s.gate().inverse(), null, s.qubits()));
    }
    return out;
  }

  private static List<Step> power(List<Step> steps, int n) {
    Gate g = steps.size() == 1 ? steps.getFirst().gate() : null;
    if (g != null && g.standardGate() != null && ROTATIONS.contains(g.standardGate())) {
      ParameterExpression angle = g.params().getFirst().mul(n);
      return List.of(
          new Step(g.standardGate().sized(g.numQubits(), angle), null, steps.getFirst().qubits()));
    }
    if (Math.abs(n) > MAX_REPEAT) {
      throw new IllegalArgumentException(
          "pow("
              + n
              + ") would repeat the gate "
              + Math.abs(n)
              + " times; powers beyond "
              + MAX_REPEAT
              + " are taken only for rotations (p, rx, ry, rz, cp, crx, cry, crz, rxx, ryy, rzz,"
              + " rzx)");
    }
    return n >= 0 ? repeat(steps, n) : repeat(inverse(steps), -n);
  }

  private static List<Step> repeat(List<Step> steps, int times) {
    List<Step> out = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      out.addAll(steps);
    }
    return out;
  }

  /** Surrounds the steps with X on the first {@code n} qubits: control on |0> instead of |1>. */
  private static List<Step> negate(List<Step> steps, int n) {
    List<Step> flips = new ArrayList<>();
    for (int q = 0; q < n; q++) {
      flips.add(new Step(StandardGate.X.gate(), null, new int[] {q}));
    }
    List<Step> out = new ArrayList<>(flips);
    out.addAll(steps);
    out.addAll(flips);
    return out;
  }

  private static List<Step> control(List<Step> steps, int n) {
    List<Step> out = new ArrayList<>();
    for (Step s : steps) {
      int[] qubits = new int[n + s.qubits().length];
      for (int i = 0; i < qubits.length; i++) {
        qubits[i] = i < n ? i : s.qubits()[i - n] + n;
      }
      if (s.gate() == null) {
        int[] controls = java.util.Arrays.copyOf(qubits, n);
        out.add(new Step(phaseGate(n, s.phase()), null, controls));
      } else {
        out.add(new Step(controlled(s.gate(), n), null, qubits));
      }
    }
    return out;
  }

  /** A phase on the all-ones state of {@code n} qubits: p, cp, or mcphase. */
  private static Gate phaseGate(int n, ParameterExpression phase) {
    return n == 1
        ? StandardGate.P.gate(phase)
        : n == 2 ? StandardGate.CP.gate(phase) : StandardGate.MCP.sized(n, phase);
  }

  /** {@code gate} with {@code n} more controls in front of its qubits. */
  static Gate controlled(Gate gate, int n) {
    StandardGate g = gate.standardGate();
    List<ParameterExpression> p = gate.params();
    int k = gate.numQubits();
    if (g != null) {
      switch (g) {
        case X, CX, CCX, MCX -> {
          int controls = n + k - 1;
          return controls == 1
              ? StandardGate.CX.gate()
              : controls == 2 ? StandardGate.CCX.gate() : StandardGate.MCX.sized(controls + 1);
        }
        case P, U1, CP, MCP -> {
          int total = n + k;
          return total == 2 && g == StandardGate.U1
              ? StandardGate.CU1.gate(p.getFirst())
              : phaseGate(total, p.getFirst());
        }
        case Z, CZ, CCZ -> {
          int total = n + k;
          return total == 2
              ? StandardGate.CZ.gate()
              : total == 3 ? StandardGate.CCZ.gate() : phaseGate(total, ParameterExpression.pi());
        }
        default -> {
          StandardGate single = n == 1 ? singlyControlled(g) : null;
          if (single != null) {
            List<ParameterExpression> params = new ArrayList<>(p);
            if (g == StandardGate.U) {
              params.add(ParameterExpression.of(0));
            }
            return single.gate(params.toArray(ParameterExpression[]::new));
          }
        }
      }
    }
    return n > 1 ? controlled(controlled(gate, 1), n - 1) : throughDefinition(gate);
  }

  private static StandardGate singlyControlled(StandardGate g) {
    return switch (g) {
      case Y -> StandardGate.CY;
      case H -> StandardGate.CH;
      case S -> StandardGate.CS;
      case SDG -> StandardGate.CSDG;
      case SX -> StandardGate.CSX;
      case RX -> StandardGate.CRX;
      case RY -> StandardGate.CRY;
      case RZ -> StandardGate.CRZ;
      case U -> StandardGate.CU;
      case U3 -> StandardGate.CU3;
      case SWAP -> StandardGate.CSWAP;
      default -> null;
    };
  }

  /**
   * Controls every instruction of the gate's definition, and turns its global phase into a phase on
   * the control.
   */
  private static Gate throughDefinition(Gate gate) {
    QuantumCircuit definition = gate.definition().orElseThrow();
    QuantumCircuit body = new QuantumCircuit(1 + gate.numQubits());
    List<Step> steps = new ArrayList<>();
    for (CircuitInstruction in : definition.data()) {
      if (in.operation() instanceof Gate g) {
        steps.add(new Step(g, null, in.qubits()));
      }
    }
    if (!definition.globalPhase().equals(ParameterExpression.of(0))) {
      steps.add(new Step(null, definition.globalPhase(), new int[0]));
    }
    for (Step s : control(steps, 1)) {
      body.append(s.gate(), s.qubits());
    }
    List<Parameter> params = new ArrayList<>(body.parameters());
    GateDefinition controlled = new GateDefinition("c_" + gate.name(), params, body);
    return controlled.gate(Collections.unmodifiableList(params));
  }
}
