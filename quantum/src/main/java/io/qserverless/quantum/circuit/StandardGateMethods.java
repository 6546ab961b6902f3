package io.qserverless.quantum.circuit;

import static io.qserverless.quantum.circuit.ParameterExpression.of;

/**
 * The gate-appending methods of {@link QuantumCircuit}, one per standard gate, each with numeric
 * and symbolic angle overloads. Kept apart so that QuantumCircuit itself reads as the model.
 */
public abstract sealed class StandardGateMethods permits QuantumCircuit {
  StandardGateMethods() {}

  /** Appends {@code op} on the given qubits and returns the circuit. */
  public abstract QuantumCircuit append(Operation op, int... qubits);

  public QuantumCircuit id(int qubit) {
    return append(StandardGate.I.gate(), qubit);
  }

  public QuantumCircuit x(int qubit) {
    return append(StandardGate.X.gate(), qubit);
  }

  public QuantumCircuit y(int qubit) {
    return append(StandardGate.Y.gate(), qubit);
  }

  public QuantumCircuit z(int qubit) {
    return append(StandardGate.Z.gate(), qubit);
  }

  public QuantumCircuit h(int qubit) {
    return append(StandardGate.H.gate(), qubit);
  }

  public QuantumCircuit s(int qubit) {
    return append(StandardGate.S.gate(), qubit);
  }

  public QuantumCircuit sdg(int qubit) {
    return append(StandardGate.SDG.gate(), qubit);
  }

  public QuantumCircuit t(int qubit) {
    return append(StandardGate.T.gate(), qubit);
  }

  public QuantumCircuit tdg(int qubit) {
    return append(StandardGate.TDG.gate(), qubit);
  }

  public QuantumCircuit sx(int qubit) {
    return append(StandardGate.SX.gate(), qubit);
  }

  public QuantumCircuit sxdg(int qubit) {
    return append(StandardGate.SXDG.gate(), qubit);
  }

  public QuantumCircuit rx(double theta, int qubit) {
    return append(StandardGate.RX.gate(theta), qubit);
  }

  public QuantumCircuit rx(ParameterExpression theta, int qubit) {
    return append(StandardGate.RX.gate(theta), qubit);
  }

  public QuantumCircuit ry(double theta, int qubit) {
    return append(StandardGate.RY.gate(theta), qubit);
  }

  public QuantumCircuit ry(ParameterExpression theta, int qubit) {
    return append(StandardGate.RY.gate(theta), qubit);
  }

  public QuantumCircuit rz(double phi, int qubit) {
    return append(StandardGate.RZ.gate(phi), qubit);
  }

  public QuantumCircuit rz(ParameterExpression phi, int qubit) {
    return append(StandardGate.RZ.gate(phi), qubit);
  }

  public QuantumCircuit p(double lam, int qubit) {
    return append(StandardGate.P.gate(lam), qubit);
  }

  public QuantumCircuit p(ParameterExpression lam, int qubit) {
    return append(StandardGate.P.gate(lam), qubit);
  }

  public QuantumCircuit u1(double lam, int qubit) {
    return append(StandardGate.U1.gate(lam), qubit);
  }

  public QuantumCircuit u1(ParameterExpression lam, int qubit) {
    return append(StandardGate.U1.gate(lam), qubit);
  }

  public QuantumCircuit r(double theta, double phi, int qubit) {
    return append(StandardGate.R.gate(theta, phi), qubit);
  }

  public QuantumCircuit r(ParameterExpression theta, ParameterExpression phi, int qubit) {
    return append(StandardGate.R.gate(theta, phi), qubit);
  }

  public QuantumCircuit u2(double phi, double lam, int qubit) {
    return append(StandardGate.U2.gate(phi, lam), qubit);
  }

  public QuantumCircuit u2(ParameterExpression phi, ParameterExpression lam, int qubit) {
    return append(StandardGate.U2.gate(phi, lam), qubit);
  }

  public QuantumCircuit u(double theta, double phi, double lam, int qubit) {
    return append(StandardGate.U.gate(theta, phi, lam), qubit);
  }

  public QuantumCircuit u(
      ParameterExpression theta, ParameterExpression phi, ParameterExpression lam, int qubit) {
    return append(StandardGate.U.gate(theta, phi, lam), qubit);
  }

  public QuantumCircuit u3(double theta, double phi, double lam, int qubit) {
    return append(StandardGate.U3.gate(theta, phi, lam), qubit);
  }

  public QuantumCircuit u3(
      ParameterExpression theta, ParameterExpression phi, ParameterExpression lam, int qubit) {
    return append(StandardGate.U3.gate(theta, phi, lam), qubit);
  }

  public QuantumCircuit cx(int control, int target) {
    return append(StandardGate.CX.gate(), control, target);
  }

  public QuantumCircuit cy(int control, int target) {
    return append(StandardGate.CY.gate(), control, target);
  }

  public QuantumCircuit cz(int control, int target) {
    return append(StandardGate.CZ.gate(), control, target);
  }

  public QuantumCircuit ch(int control, int target) {
    return append(StandardGate.CH.gate(), control, target);
  }

  public QuantumCircuit cs(int control, int target) {
    return append(StandardGate.CS.gate(), control, target);
  }

  public QuantumCircuit csdg(int control, int target) {
    return append(StandardGate.CSDG.gate(), control, target);
  }

  public QuantumCircuit csx(int control, int target) {
    return append(StandardGate.CSX.gate(), control, target);
  }

  public QuantumCircuit swap(int qubit1, int qubit2) {
    return append(StandardGate.SWAP.gate(), qubit1, qubit2);
  }

  public QuantumCircuit iswap(int qubit1, int qubit2) {
    return append(StandardGate.ISWAP.gate(), qubit1, qubit2);
  }

  public QuantumCircuit dcx(int qubit1, int qubit2) {
    return append(StandardGate.DCX.gate(), qubit1, qubit2);
  }

  public QuantumCircuit ecr(int qubit1, int qubit2) {
    return append(StandardGate.ECR.gate(), qubit1, qubit2);
  }

  public QuantumCircuit cp(double lam, int control, int target) {
    return append(StandardGate.CP.gate(lam), control, target);
  }

  public QuantumCircuit cp(ParameterExpression lam, int control, int target) {
    return append(StandardGate.CP.gate(lam), control, target);
  }

  public QuantumCircuit cu1(double lam, int control, int target) {
    return append(StandardGate.CU1.gate(lam), control, target);
  }

  public QuantumCircuit cu1(ParameterExpression lam, int control, int target) {
    return append(StandardGate.CU1.gate(lam), control, target);
  }

  public QuantumCircuit crx(double theta, int control, int target) {
    return append(StandardGate.CRX.gate(theta), control, target);
  }

  public QuantumCircuit crx(ParameterExpression theta, int control, int target) {
    return append(StandardGate.CRX.gate(theta), control, target);
  }

  public QuantumCircuit cry(double theta, int control, int target) {
    return append(StandardGate.CRY.gate(theta), control, target);
  }

  public QuantumCircuit cry(ParameterExpression theta, int control, int target) {
    return append(StandardGate.CRY.gate(theta), control, target);
  }

  public QuantumCircuit crz(double theta, int control, int target) {
    return append(StandardGate.CRZ.gate(theta), control, target);
  }

  public QuantumCircuit crz(ParameterExpression theta, int control, int target) {
    return append(StandardGate.CRZ.gate(theta), control, target);
  }

  public QuantumCircuit cu(
      double theta, double phi, double lam, double gamma, int control, int target) {
    return append(StandardGate.CU.gate(theta, phi, lam, gamma), control, target);
  }

  public QuantumCircuit cu(
      ParameterExpression theta,
      ParameterExpression phi,
      ParameterExpression lam,
      ParameterExpression gamma,
      int control,
      int target) {
    return append(StandardGate.CU.gate(theta, phi, lam, gamma), control, target);
  }

  public QuantumCircuit cu3(double theta, double phi, double lam, int control, int target) {
    return append(StandardGate.CU3.gate(theta, phi, lam), control, target);
  }

  public QuantumCircuit cu3(
      ParameterExpression theta,
      ParameterExpression phi,
      ParameterExpression lam,
      int control,
      int target) {
    return append(StandardGate.CU3.gate(theta, phi, lam), control, target);
  }

  public QuantumCircuit rxx(double theta, int qubit1, int qubit2) {
    return append(StandardGate.RXX.gate(theta), qubit1, qubit2);
  }

  public QuantumCircuit rxx(ParameterExpression theta, int qubit1, int qubit2) {
    return append(StandardGate.RXX.gate(theta), qubit1, qubit2);
  }

  public QuantumCircuit ryy(double theta, int qubit1, int qubit2) {
    return append(StandardGate.RYY.gate(theta), qubit1, qubit2);
  }

  public QuantumCircuit ryy(ParameterExpression theta, int qubit1, int qubit2) {
    return append(StandardGate.RYY.gate(theta), qubit1, qubit2);
  }

  public QuantumCircuit rzz(double theta, int qubit1, int qubit2) {
    return append(StandardGate.RZZ.gate(theta), qubit1, qubit2);
  }

  public QuantumCircuit rzz(ParameterExpression theta, int qubit1, int qubit2) {
    return append(StandardGate.RZZ.gate(theta), qubit1, qubit2);
  }

  public QuantumCircuit rzx(double theta, int qubit1, int qubit2) {
    return append(StandardGate.RZX.gate(theta), qubit1, qubit2);
  }

  public QuantumCircuit rzx(ParameterExpression theta, int qubit1, int qubit2) {
    return append(StandardGate.RZX.gate(theta), qubit1, qubit2);
  }

  public QuantumCircuit xxMinusYY(double theta, double beta, int qubit1, int qubit2) {
    return append(StandardGate.XX_MINUS_YY.gate(theta, beta), qubit1, qubit2);
  }

  public QuantumCircuit xxMinusYY(
      ParameterExpression theta, ParameterExpression beta, int qubit1, int qubit2) {
    return append(StandardGate.XX_MINUS_YY.gate(theta, beta), qubit1, qubit2);
  }

  public QuantumCircuit xxPlusYY(double theta, double beta, int qubit1, int qubit2) {
    return append(StandardGate.XX_PLUS_YY.gate(theta, beta), qubit1, qubit2);
  }

  public QuantumCircuit xxPlusYY(
      ParameterExpression theta, ParameterExpression beta, int qubit1, int qubit2) {
    return append(StandardGate.XX_PLUS_YY.gate(theta, beta), qubit1, qubit2);
  }

  public QuantumCircuit ccx(int control1, int control2, int target) {
    return append(StandardGate.CCX.gate(), control1, control2, target);
  }

  public QuantumCircuit ccz(int control1, int control2, int target) {
    return append(StandardGate.CCZ.gate(), control1, control2, target);
  }

  public QuantumCircuit cswap(int control, int target1, int target2) {
    return append(StandardGate.CSWAP.gate(), control, target1, target2);
  }

  public QuantumCircuit rccx(int control1, int control2, int target) {
    return append(StandardGate.RCCX.gate(), control1, control2, target);
  }

  public QuantumCircuit c3sx(int control1, int control2, int control3, int target) {
    return append(StandardGate.C3SX.gate(), control1, control2, control3, target);
  }

  public QuantumCircuit rcccx(int control1, int control2, int control3, int target) {
    return append(StandardGate.RC3X.gate(), control1, control2, control3, target);
  }

  /** Multi-controlled X: cx for one control, ccx for two, else an {@code mcx} gate. */
  public QuantumCircuit mcx(int[] controls, int target) {
    int[] qubits = java.util.Arrays.copyOf(controls, controls.length + 1);
    qubits[controls.length] = target;
    return switch (controls.length) {
      case 0 ->
          throw new IllegalArgumentException("mcx needs at least one control qubit, got none");
      case 1 -> cx(controls[0], target);
      case 2 -> ccx(controls[0], controls[1], target);
      default -> append(StandardGate.MCX.sized(qubits.length), qubits);
    };
  }

  /** Multi-controlled phase: cp for one control, else an {@code mcphase} gate. */
  public QuantumCircuit mcp(double lam, int[] controls, int target) {
    return mcp(of(lam), controls, target);
  }

  public QuantumCircuit mcp(ParameterExpression lam, int[] controls, int target) {
    int[] qubits = java.util.Arrays.copyOf(controls, controls.length + 1);
    qubits[controls.length] = target;
    return switch (controls.length) {
      case 0 ->
          throw new IllegalArgumentException("mcp needs at least one control qubit, got none");
      case 1 -> cp(lam, controls[0], target);
      default -> append(StandardGate.MCP.sized(qubits.length, lam), qubits);
    };
  }
}
