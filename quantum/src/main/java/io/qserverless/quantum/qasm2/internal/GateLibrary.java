package io.qserverless.quantum.qasm2.internal;

import io.qserverless.quantum.circuit.StandardGate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The gates that {@code include "qelib1.inc";} (OpenQASM 2) and {@code include "stdgates.inc";}
 * (OpenQASM 3) bring into scope, mapped to the circuit model's standard gates, and the reverse
 * mapping the writers use.
 *
 * <p>The qelib1 set is the one Qiskit's OpenQASM 2 reader accepts (its legacy custom instructions).
 * Every gate of it with a standard-gate counterpart becomes that standard gate; the rest ({@code
 * u0}) become user gates from their definitions in the bundled {@code qelib1.inc}.
 */
public final class GateLibrary {

  /** OpenQASM names whose standard gate is spelt differently in the model or fixes a size. */
  private static final Map<String, GateSignature> RENAMED =
      Map.of(
          "rc3x", GateSignature.standard("rc3x", StandardGate.RC3X, 4),
          "c3sqrtx", GateSignature.standard("c3sqrtx", StandardGate.C3SX, 4),
          "c3x", GateSignature.standard("c3x", StandardGate.MCX, 4),
          "c4x", GateSignature.standard("c4x", StandardGate.MCX, 5),
          "phase", GateSignature.standard("phase", StandardGate.P, 1),
          "cphase", GateSignature.standard("cphase", StandardGate.CP, 2),
          "CX", GateSignature.standard("CX", StandardGate.CX, 2),
          "U", GateSignature.standard("U", StandardGate.U, 1));

  /** OpenQASM 3's stdgates.inc, in the order of that file. */
  private static final List<String> STDGATE_NAMES =
      List.of(
          "p", "x", "y", "z", "h", "s", "sdg", "t", "tdg", "sx", "rx", "ry", "rz", "cx", "cy", "cz",
          "cp", "crx", "cry", "crz", "ch", "swap", "ccx", "cswap", "cu", "CX", "phase", "cphase",
          "id", "u1", "u2", "u3");

  /**
   * The gates of qelib1.inc as the OpenQASM 2 paper (arXiv:1707.03429) defines it. Qiskit's reader
   * refuses to redefine these (and {@code U}, {@code CX}); the other gates it adds may be restated
   * with the same shape, the restatement being ignored.
   */
  private static final Set<String> PAPER_QELIB1 =
      Set.of(
          "u3", "u2", "u1", "cx", "id", "x", "y", "z", "h", "s", "sdg", "t", "tdg", "rx", "ry",
          "rz", "cz", "cy", "ch", "ccx", "crz", "cu1", "cu3");

  private GateLibrary() {}

  /**
   * Whether a program of OpenQASM {@code version} may restate include-file gate {@code name} (with
   * the same shape, the restatement ignored): only the gates Qiskit adds to the paper's qelib1.inc.
   */
  static boolean mayRestate(String name, int version) {
    return version == 2 && !PAPER_QELIB1.contains(name) && !RENAMED.containsKey(name);
  }

  /** The gates every program knows without an include: {@code U} and {@code CX}. */
  static Map<String, GateSignature> builtins() {
    Map<String, GateSignature> gates = new LinkedHashMap<>();
    gates.put("U", RENAMED.get("U"));
    gates.put("CX", RENAMED.get("CX"));
    return gates;
  }

  /** The gates of {@code qelib1.inc}, by name, in file order. */
  static Map<String, GateSignature> qelib1() {
    return Holder.QELIB1;
  }

  /** The gates of {@code stdgates.inc}, by name. */
  static Map<String, GateSignature> stdgates() {
    return Holder.STDGATES;
  }

  /** The standard gate an include-file name stands for, if the model has one. */
  static GateSignature standardFor(String name, int numParams, int numQubits) {
    GateSignature renamed = RENAMED.get(name);
    if (renamed != null) {
      return renamed.matches(numParams, numQubits) ? renamed : null;
    }
    return StandardGate.byName(name)
        .filter(
            g -> !g.isVariableSize() && g.numQubits() == numQubits && g.numParams() == numParams)
        .map(g -> GateSignature.standard(name, g, numQubits))
        .orElse(null);
  }

  /**
   * The name OpenQASM {@code version} knows a standard gate by after its include, or null when the
   * writer must define it with a {@code gate} block.
   */
  public static String nameFor(StandardGate gate, int numQubits, int version) {
    Map<String, GateSignature> known = version == 3 ? stdgates() : qelib1();
    for (GateSignature s : known.values()) {
      if (s.standard() == gate && s.numQubits() == numQubits) {
        return s.name();
      }
    }
    return gate == StandardGate.U || gate == StandardGate.CX ? gate.gateName().toUpperCase() : null;
  }

  /** Lazily reads the bundled qelib1.inc once, on first use, thread-safely (holder idiom). */
  private static final class Holder {
    static final Map<String, GateSignature> QELIB1 = Collections.unmodifiableMap(readQelib1());
    static final Map<String, GateSignature> STDGATES = Collections.unmodifiableMap(stdgates());

    private static Map<String, GateSignature> readQelib1() {
      String text = resource("/io/qserverless/quantum/qasm2/qelib1.inc");
      Map<String, GateSignature> gates = new LinkedHashMap<>();
      for (GateSignature g : CircuitBuilder.library(Parser.parse(text, "qelib1.inc"))) {
        gates.put(g.name(), g);
      }
      return gates;
    }

    private static Map<String, GateSignature> stdgates() {
      Map<String, GateSignature> gates = new LinkedHashMap<>();
      for (String name : STDGATE_NAMES) {
        gates.put(name, RENAMED.containsKey(name) ? RENAMED.get(name) : QELIB1.get(name));
      }
      return gates;
    }

    private static String resource(String path) {
      try (InputStream in = GateLibrary.class.getResourceAsStream(path)) {
        if (in == null) {
          throw new IllegalStateException("the jar lacks " + path + ": rebuild the quantum module");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
