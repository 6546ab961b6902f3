package io.qserverless.quantum.circuit.internal;

import io.qserverless.quantum.circuit.Barrier;
import io.qserverless.quantum.circuit.CircuitInstruction;
import io.qserverless.quantum.circuit.ClassicalRegister;
import io.qserverless.quantum.circuit.Gate;
import io.qserverless.quantum.circuit.Measure;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.circuit.QuantumRegister;
import io.qserverless.quantum.circuit.Register;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Text drawing of a circuit: one line per qubit then per clbit, instructions packed left into
 * columns. Controls are drawn {@code ■}, a measurement {@code M} joined to its clbit, a barrier
 * {@code ░}; conditions print after the label ({@code X?c=1}).
 */
public final class CircuitDrawer {
  private static final Set<String> CONTROLLED =
      Set.of(
          "cx", "cy", "cz", "ch", "cs", "csdg", "csx", "cp", "cu1", "crx", "cry", "crz", "cu",
          "cu3", "ccx", "ccz", "c3sx", "mcx", "mcphase");

  private CircuitDrawer() {}

  public static String draw(QuantumCircuit c) {
    int rows = c.numQubits() + c.numClbits();
    List<String[]> columns = new ArrayList<>();
    int[] used = new int[rows];
    for (CircuitInstruction in : c.data()) {
      String[] cells = cells(c, in, rows);
      int lo = rows, hi = -1;
      for (int r = 0; r < rows; r++) {
        if (cells[r] != null) {
          lo = Math.min(lo, r);
          hi = Math.max(hi, r);
        }
      }
      int col = 0;
      for (int r = lo; r <= hi; r++) {
        col = Math.max(col, used[r]);
      }
      while (columns.size() <= col) {
        columns.add(new String[rows]);
      }
      String[] target = columns.get(col);
      for (int r = lo; r <= hi; r++) {
        target[r] = cells[r] != null ? cells[r] : (r < c.numQubits() ? "┼" : "╪");
        used[r] = col + 1;
      }
    }
    StringBuilder[] lines = new StringBuilder[rows];
    for (int r = 0; r < rows; r++) {
      lines[r] = new StringBuilder(rowName(c, r)).append(": ");
    }
    int nameWidth = Arrays.stream(lines).mapToInt(StringBuilder::length).max().orElse(0);
    for (int r = 0; r < rows; r++) {
      lines[r].insert(0, " ".repeat(nameWidth - lines[r].length()));
    }
    for (String[] column : columns) {
      int width =
          Arrays.stream(column).filter(s -> s != null).mapToInt(String::length).max().orElse(1);
      for (int r = 0; r < rows; r++) {
        String wire = r < c.numQubits() ? "─" : "═";
        String cell = column[r] == null ? wire.repeat(width) : center(column[r], width, wire);
        lines[r].append(wire).append(cell).append(wire);
      }
    }
    StringBuilder out = new StringBuilder();
    for (StringBuilder line : lines) {
      out.append(line).append('\n');
    }
    return out.toString();
  }

  private static String[] cells(QuantumCircuit c, CircuitInstruction in, int rows) {
    String[] cells = new String[rows];
    int[] qs = in.qubits();
    String cond = in.condition() == null ? "" : "?" + in.condition();
    switch (in.operation()) {
      case Measure m -> {
        cells[qs[0]] = "M" + cond;
        cells[c.numQubits() + in.clbit(0)] = "╩";
      }
      case Barrier b -> Arrays.stream(qs).forEach(q -> cells[q] = "░");
      case Gate g when CONTROLLED.contains(g.name()) && in.condition() == null -> {
        for (int i = 0; i < qs.length - 1; i++) {
          cells[qs[i]] = "■";
        }
        String base =
            g.name().equals("mcphase") ? "p" : g.name().substring(g.name().lastIndexOf('c') + 1);
        cells[qs[qs.length - 1]] = label(base.isEmpty() ? "x" : base, g);
        if (g.name().equals("cswap")) {
          cells[qs[1]] = "x";
          cells[qs[2]] = "x";
        }
      }
      default -> {
        String label =
            label(in.operation().name(), in.operation() instanceof Gate g ? g : null) + cond;
        for (int i = 0; i < qs.length; i++) {
          cells[qs[i]] = qs.length == 1 ? label : label + ":" + i;
        }
      }
    }
    if (in.condition() != null) {
      for (int b : in.condition().clbits()) {
        cells[c.numQubits() + b] = "■";
      }
    }
    return cells;
  }

  private static String label(String name, Gate g) {
    String upper = name.length() <= 2 ? name.toUpperCase() : name;
    if (g == null || g.params().isEmpty()) {
      return upper;
    }
    return upper
        + "("
        + String.join(",", g.params().stream().map(CircuitDrawer::angle).toList())
        + ")";
  }

  private static String angle(io.qserverless.quantum.circuit.ParameterExpression p) {
    if (!p.isBound()) {
      return p.toString();
    }
    double v = p.evaluate();
    return String.format("%.3g", v);
  }

  private static String center(String s, int width, String pad) {
    int left = (width - s.length()) / 2;
    return pad.repeat(left) + s + pad.repeat(width - s.length() - left);
  }

  private static String rowName(QuantumCircuit c, int row) {
    boolean quantum = row < c.numQubits();
    int index = quantum ? row : row - c.numQubits();
    for (Register r : c.registers()) {
      if ((r instanceof QuantumRegister) == quantum
          && !(quantum && r instanceof ClassicalRegister)) {
        int offset = c.offsetOf(r);
        if (index >= offset && index < offset + r.size()) {
          return r.name() + "_" + (index - offset);
        }
      }
    }
    return (quantum ? "q" : "c") + index;
  }
}
