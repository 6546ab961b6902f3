package io.qserverless.protocol.qpy.internal;

import io.qserverless.quantum.circuit.StandardGate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The Qiskit class names QPY stores for the standard gates ({@code HGate}, {@code CXGate}, ...),
 * with their number of control qubits, which QPY also records (and Qiskit checks on load).
 *
 * <p>Names from qiskit/crates/qpy/src/consts.rs ({@code standard_gate_from_gate_class_name}) and
 * the Python library ({@code MCXGate}, {@code MCPhaseGate}, {@code C4XGate}, {@code MCU1Gate} take
 * their size from the control count). {@code C3XGate} and {@code C4XGate} are this project's {@code
 * mcx} on 4 and 5 qubits.
 */
final class GateClasses {
  /**
   * A class name: the gate, its qubit count (0: one more than the control count) and its controls.
   */
  record Entry(String className, StandardGate gate, int numQubits, int numCtrlQubits) {}

  private static final Map<String, Entry> BY_CLASS = new HashMap<>();
  private static final Map<StandardGate, Entry> BY_GATE = new EnumMap<>(StandardGate.class);

  static {
    fixed("IGate", StandardGate.I, 0);
    fixed("XGate", StandardGate.X, 0);
    fixed("YGate", StandardGate.Y, 0);
    fixed("ZGate", StandardGate.Z, 0);
    fixed("HGate", StandardGate.H, 0);
    fixed("SGate", StandardGate.S, 0);
    fixed("SdgGate", StandardGate.SDG, 0);
    fixed("TGate", StandardGate.T, 0);
    fixed("TdgGate", StandardGate.TDG, 0);
    fixed("SXGate", StandardGate.SX, 0);
    fixed("SXdgGate", StandardGate.SXDG, 0);
    fixed("RXGate", StandardGate.RX, 0);
    fixed("RYGate", StandardGate.RY, 0);
    fixed("RZGate", StandardGate.RZ, 0);
    fixed("PhaseGate", StandardGate.P, 0);
    fixed("RGate", StandardGate.R, 0);
    fixed("UGate", StandardGate.U, 0);
    fixed("U1Gate", StandardGate.U1, 0);
    fixed("U2Gate", StandardGate.U2, 0);
    fixed("U3Gate", StandardGate.U3, 0);
    fixed("CXGate", StandardGate.CX, 1);
    fixed("CYGate", StandardGate.CY, 1);
    fixed("CZGate", StandardGate.CZ, 1);
    fixed("CHGate", StandardGate.CH, 1);
    fixed("CSGate", StandardGate.CS, 1);
    fixed("CSdgGate", StandardGate.CSDG, 1);
    fixed("CSXGate", StandardGate.CSX, 1);
    fixed("CPhaseGate", StandardGate.CP, 1);
    fixed("CU1Gate", StandardGate.CU1, 1);
    fixed("CRXGate", StandardGate.CRX, 1);
    fixed("CRYGate", StandardGate.CRY, 1);
    fixed("CRZGate", StandardGate.CRZ, 1);
    fixed("CUGate", StandardGate.CU, 1);
    fixed("CU3Gate", StandardGate.CU3, 1);
    fixed("SwapGate", StandardGate.SWAP, 0);
    fixed("iSwapGate", StandardGate.ISWAP, 0);
    fixed("DCXGate", StandardGate.DCX, 0);
    fixed("ECRGate", StandardGate.ECR, 0);
    fixed("RXXGate", StandardGate.RXX, 0);
    fixed("RYYGate", StandardGate.RYY, 0);
    fixed("RZZGate", StandardGate.RZZ, 0);
    fixed("RZXGate", StandardGate.RZX, 0);
    fixed("XXMinusYYGate", StandardGate.XX_MINUS_YY, 0);
    fixed("XXPlusYYGate", StandardGate.XX_PLUS_YY, 0);
    fixed("CCXGate", StandardGate.CCX, 2);
    fixed("CCZGate", StandardGate.CCZ, 2);
    fixed("CSwapGate", StandardGate.CSWAP, 1);
    fixed("RCCXGate", StandardGate.RCCX, 0);
    fixed("C3SXGate", StandardGate.C3SX, 3);
    fixed("RC3XGate", StandardGate.RC3X, 0);
    variable("MCXGate", StandardGate.MCX, true);
    variable("MCPhaseGate", StandardGate.MCP, true);
    BY_CLASS.put("C3XGate", new Entry("C3XGate", StandardGate.MCX, 4, 3));
    BY_CLASS.put("C4XGate", new Entry("C4XGate", StandardGate.MCX, 5, 4));
    variable("MCU1Gate", StandardGate.MCP, false);
  }

  private GateClasses() {}

  private static void fixed(String className, StandardGate gate, int numCtrlQubits) {
    Entry e = new Entry(className, gate, gate.numQubits(), numCtrlQubits);
    BY_CLASS.put(className, e);
    BY_GATE.put(gate, e);
  }

  private static void variable(String className, StandardGate gate, boolean writtenAs) {
    Entry e = new Entry(className, gate, 0, 0);
    BY_CLASS.put(className, e);
    if (writtenAs) {
      BY_GATE.put(gate, e);
    }
  }

  /** The standard gate a QPY class name stands for, or null. */
  static Entry forClass(String className) {
    return BY_CLASS.get(className);
  }

  /** How a standard gate is written; every {@link StandardGate} has an entry. */
  static Entry forGate(StandardGate gate) {
    return BY_GATE.get(gate);
  }
}
