package io.qserverless.quantum.circuit.internal;

import io.qserverless.quantum.circuit.ParameterExpression;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.circuit.StandardGate;
import java.util.Arrays;
import java.util.List;

/**
 * Definitions of the standard gates in simpler gates, equal to their matrices including global
 * phase (checked for every gate by StandardGateTest). These are textbook identities; the
 * transpiler's basis translation expands through them down to u and cx.
 */
public final class StandardDefinitions {
  private static final double PI = Math.PI;

  private StandardDefinitions() {}

  /** The definition, or null for the primitives u and cx. */
  public static QuantumCircuit of(StandardGate g, int n, List<ParameterExpression> p) {
    QuantumCircuit c = new QuantumCircuit(n);
    switch (g) {
      case U, CX -> {
        return null;
      }
      case I -> {}
      case X -> c.u(PI, 0, PI, 0);
      case Y -> c.u(PI, PI / 2, PI / 2, 0);
      case Z -> c.p(PI, 0);
      case H -> c.u(PI / 2, 0, PI, 0);
      case S -> c.p(PI / 2, 0);
      case SDG -> c.p(-PI / 2, 0);
      case T -> c.p(PI / 4, 0);
      case TDG -> c.p(-PI / 4, 0);
      case SX -> c.sdg(0).h(0).sdg(0).setGlobalPhase(PI / 4);
      case SXDG -> c.s(0).h(0).s(0).setGlobalPhase(-PI / 4);
      case RX -> c.r(p.get(0), c(0), 0);
      case RY -> c.r(p.get(0), c(PI / 2), 0);
      case RZ -> c.p(p.get(0), 0).setGlobalPhase(p.get(0).div(-2));
      case P, U1 -> c.u(c(0), c(0), p.get(0), 0);
      case R -> c.u(p.get(0), p.get(1).sub(PI / 2), p.get(1).neg().add(PI / 2), 0);
      case U3 -> c.u(p.get(0), p.get(1), p.get(2), 0);
      case U2 -> c.u(c(PI / 2), p.get(0), p.get(1), 0);
      case CY -> c.sdg(1).cx(0, 1).s(1);
      case CZ -> c.h(1).cx(0, 1).h(1);
      case CH -> c.s(1).h(1).t(1).cx(0, 1).tdg(1).h(1).sdg(1);
      case CS -> c.cp(PI / 2, 0, 1);
      case CSDG -> c.cp(-PI / 2, 0, 1);
      case CSX -> c.h(1).cp(PI / 2, 0, 1).h(1);
      case CP, CU1 -> {
        ParameterExpression half = p.get(0).div(2);
        c.p(half, 0).cx(0, 1).p(half.neg(), 1).cx(0, 1).p(half, 1);
      }
      case CRX -> c.s(1).cx(0, 1).ry(p.get(0).div(-2), 1).cx(0, 1).ry(p.get(0).div(2), 1).sdg(1);
      case CRY -> c.ry(p.get(0).div(2), 1).cx(0, 1).ry(p.get(0).div(-2), 1).cx(0, 1);
      case CRZ -> c.rz(p.get(0).div(2), 1).cx(0, 1).rz(p.get(0).div(-2), 1).cx(0, 1);
      case CU -> controlledU(c.p(p.get(3), 0), p);
      case CU3 -> controlledU(c, p);
      case SWAP -> c.cx(0, 1).cx(1, 0).cx(0, 1);
      case ISWAP -> c.s(0).s(1).h(0).cx(0, 1).cx(1, 0).h(1);
      case DCX -> c.cx(0, 1).cx(1, 0);
      case ECR -> c.rzx(PI / 4, 0, 1).x(0).rzx(-PI / 4, 0, 1);
      case RXX -> c.h(0).h(1).rzz(p.get(0), 0, 1).h(0).h(1);
      case RYY -> c.rx(PI / 2, 0).rx(PI / 2, 1).rzz(p.get(0), 0, 1).rx(-PI / 2, 0).rx(-PI / 2, 1);
      case RZZ -> c.cx(0, 1).rz(p.get(0), 1).cx(0, 1);
      case RZX -> c.h(1).rzz(p.get(0), 0, 1).h(1);
      case XX_MINUS_YY ->
          c.rz(p.get(1).neg(), 0)
              .rxx(p.get(0).div(2), 0, 1)
              .ryy(p.get(0).div(-2), 0, 1)
              .rz(p.get(1), 0);
      case XX_PLUS_YY ->
          c.rz(p.get(1), 0)
              .rxx(p.get(0).div(2), 0, 1)
              .ryy(p.get(0).div(2), 0, 1)
              .rz(p.get(1).neg(), 0);
      case CCX ->
          c.h(2)
              .cx(1, 2)
              .tdg(2)
              .cx(0, 2)
              .t(2)
              .cx(1, 2)
              .tdg(2)
              .cx(0, 2)
              .t(1)
              .t(2)
              .h(2)
              .cx(0, 1)
              .t(0)
              .tdg(1)
              .cx(0, 1);
      case CCZ -> c.h(2).ccx(0, 1, 2).h(2);
      case CSWAP -> c.cx(2, 1).ccx(0, 1, 2).cx(2, 1);
      case RCCX -> c.h(2).t(2).cx(1, 2).tdg(2).cx(0, 2).t(2).cx(1, 2).tdg(2).h(2);
      case C3SX -> c.h(3).mcp(PI / 2, new int[] {0, 1, 2}, 3).h(3);
      case RC3X ->
          c.h(3)
              .t(3)
              .cx(2, 3)
              .tdg(3)
              .h(3)
              .cx(0, 3)
              .t(3)
              .cx(1, 3)
              .tdg(3)
              .cx(0, 3)
              .t(3)
              .cx(1, 3)
              .tdg(3)
              .h(3)
              .t(3)
              .cx(2, 3)
              .tdg(3)
              .h(3);
      case MCX -> c.h(n - 1).mcp(PI, range(n - 1), n - 1).h(n - 1);
      case MCP -> multiControlledPhase(c, p.get(0), n);
    }
    return c;
  }

  private static ParameterExpression c(double v) {
    return ParameterExpression.of(v);
  }

  /** Controlled U(θ,φ,λ) without phase on the control: Nielsen & Chuang's ABC construction. */
  private static QuantumCircuit controlledU(QuantumCircuit c, List<ParameterExpression> p) {
    ParameterExpression theta = p.get(0), phi = p.get(1), lam = p.get(2);
    return c.p(lam.add(phi).div(2), 0)
        .p(lam.sub(phi).div(2), 1)
        .cx(0, 1)
        .u(theta.div(-2), c(0), lam.add(phi).div(-2), 1)
        .cx(0, 1)
        .u(theta.div(2), phi, c(0), 1);
  }

  /**
   * mcp(λ) on controls c_1..c_k and target t: cp(λ/2) from c_k, flip c_k by the other controls,
   * cp(-λ/2), flip back, then mcp(λ/2) on the remaining controls. The phases sum to λ only when
   * every control is 1.
   */
  private static QuantumCircuit multiControlledPhase(
      QuantumCircuit c, ParameterExpression lam, int n) {
    if (n == 2) {
      return c.cp(lam, 0, 1);
    }
    int target = n - 1, last = n - 2;
    int[] rest = range(n - 2);
    ParameterExpression half = lam.div(2);
    c.cp(half, last, target);
    c.mcx(rest, last);
    c.cp(half.neg(), last, target);
    c.mcx(rest, last);
    return c.mcp(half, rest, target);
  }

  private static int[] range(int n) {
    int[] r = new int[n];
    Arrays.setAll(r, i -> i);
    return r;
  }
}
