package io.qserverless.quantum.circuit.internal;

import io.qserverless.quantum.circuit.Gate;
import io.qserverless.quantum.circuit.GateDefinition;
import io.qserverless.quantum.circuit.ParameterExpression;
import io.qserverless.quantum.circuit.StandardGate;
import java.util.List;

/**
 * Exact inverses of the standard gates, global phase included: a standard gate where one exists
 * (Qiskit's choices, e.g. u2(φ,λ)† = u2(-λ-π, -φ+π)), else a {@code name_dg} user gate over the
 * inverted definition.
 */
public final class StandardInverses {
  private StandardInverses() {}

  public static Gate of(StandardGate g, int numQubits, List<ParameterExpression> p) {
    return switch (g) {
      case I, X, Y, Z, H, CX, CY, CZ, CH, SWAP, ECR, CCX, CCZ, CSWAP, RCCX, MCX ->
          g.sized(numQubits);
      case S -> StandardGate.SDG.gate();
      case SDG -> StandardGate.S.gate();
      case T -> StandardGate.TDG.gate();
      case TDG -> StandardGate.T.gate();
      case SX -> StandardGate.SXDG.gate();
      case SXDG -> StandardGate.SX.gate();
      case CS -> StandardGate.CSDG.gate();
      case CSDG -> StandardGate.CS.gate();
      case RX, RY, RZ, P, U1, CP, CU1, CRX, CRY, CRZ, RXX, RYY, RZZ, RZX, MCP ->
          g.sized(numQubits, p.get(0).neg());
      case R, XX_MINUS_YY, XX_PLUS_YY -> g.gate(p.get(0).neg(), p.get(1));
      case U, U3 -> g.gate(p.get(0).neg(), p.get(2).neg(), p.get(1).neg());
      case U2 ->
          g.gate(
              p.get(1).neg().sub(ParameterExpression.pi()),
              p.get(0).neg().add(ParameterExpression.pi()));
      case CU -> g.gate(p.get(0).neg(), p.get(2).neg(), p.get(1).neg(), p.get(3).neg());
      case CU3 -> g.gate(p.get(0).neg(), p.get(2).neg(), p.get(1).neg());
      case ISWAP, DCX, CSX, C3SX, RC3X -> byDefinition(g, numQubits, p);
    };
  }

  private static Gate byDefinition(StandardGate g, int numQubits, List<ParameterExpression> p) {
    return new GateDefinition(
            g.gateName() + "_dg", List.of(), g.definition(numQubits, p).orElseThrow().inverse())
        .gate();
  }
}
