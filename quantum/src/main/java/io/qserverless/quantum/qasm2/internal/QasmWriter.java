package io.qserverless.quantum.qasm2.internal;

import io.qserverless.quantum.circuit.Barrier;
import io.qserverless.quantum.circuit.BreakLoop;
import io.qserverless.quantum.circuit.CircuitInstruction;
import io.qserverless.quantum.circuit.ClassicalExpr;
import io.qserverless.quantum.circuit.ClassicalRegister;
import io.qserverless.quantum.circuit.ClassicalVar;
import io.qserverless.quantum.circuit.Condition;
import io.qserverless.quantum.circuit.ContinueLoop;
import io.qserverless.quantum.circuit.Delay;
import io.qserverless.quantum.circuit.DiscardedMeasure;
import io.qserverless.quantum.circuit.Gate;
import io.qserverless.quantum.circuit.IfElse;
import io.qserverless.quantum.circuit.Measure;
import io.qserverless.quantum.circuit.Operation;
import io.qserverless.quantum.circuit.Parameter;
import io.qserverless.quantum.circuit.ParameterExpression;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.circuit.QuantumRegister;
import io.qserverless.quantum.circuit.Register;
import io.qserverless.quantum.circuit.Reset;
import io.qserverless.quantum.circuit.SetBit;
import io.qserverless.quantum.circuit.Store;
import io.qserverless.quantum.circuit.WhileLoop;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes a circuit as OpenQASM 2 or 3 text, as Qiskit's exporters do: standard gates by their
 * include-file names, every other gate after a {@code gate} block that defines it ({@link
 * GateDefinitions}), conditions as {@code if}.
 */
public final class QasmWriter {

  private final QuantumCircuit circuit;
  private final int version;
  private final String[] qubitNames;
  private final String[] clbitNames;
  private final GateDefinitions definitions;
  private final StringBuilder body = new StringBuilder();

  /** The run-time variables the circuit stores, in order of first use, declared after registers. */
  private final Set<ClassicalVar> vars = new LinkedHashSet<>();

  private QasmWriter(QuantumCircuit circuit, int version) {
    this.circuit = circuit;
    this.version = version;
    this.qubitNames = new String[circuit.numQubits()];
    this.clbitNames = new String[circuit.numClbits()];
    for (Register r : circuit.registers()) {
      String[] names = r instanceof QuantumRegister ? qubitNames : clbitNames;
      for (int i = 0; i < r.size(); i++) {
        names[circuit.offsetOf(r) + i] = r.name() + "[" + i + "]";
      }
    }
    this.definitions = new GateDefinitions(version);
  }

  /**
   * The program text of {@code circuit} in OpenQASM {@code version}; throws
   * IllegalArgumentException for what that version cannot say (unbound parameters in version 2,
   * opaque gates in version 3, single-bit conditions in version 2).
   */
  public static String write(QuantumCircuit circuit, int version) {
    return new QasmWriter(circuit, version).run();
  }

  private String run() {
    List<Parameter> parameters = circuit.parameters();
    if (version == 2 && !parameters.isEmpty()) {
      throw new IllegalArgumentException(
          "OpenQASM 2 cannot hold unbound parameters "
              + parameters
              + "; bind them with assignParameters first, or write OpenQASM 3 with Qasm3.dumps");
    }
    StringBuilder out = new StringBuilder();
    out.append(
        version == 3
            ? "OPENQASM 3.0;\ninclude \"stdgates.inc\";\n"
            : "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n");
    for (Parameter p : parameters) {
      out.append("input float[64] ").append(p.name()).append(";\n");
    }
    for (CircuitInstruction in : circuit.data()) {
      instruction(in);
    }
    out.append(definitions.text());
    for (Register r : circuit.registers()) {
      boolean quantum = r instanceof QuantumRegister;
      out.append(
          version == 3
              ? (quantum ? "qubit[" : "bit[") + r.size() + "] " + r.name() + ";\n"
              : (quantum ? "qreg " : "creg ") + r.name() + "[" + r.size() + "];\n");
    }
    for (ClassicalVar v : vars) {
      out.append(
              switch (v.kind()) {
                case BOOL -> "bool";
                case INT -> "int[" + v.width() + "]";
                case UINT -> "uint[" + v.width() + "]";
              })
          .append(' ')
          .append(v.name())
          .append(";\n");
    }
    if (version == 3 && !circuit.globalPhase().equals(ParameterExpression.of(0))) {
      out.append("gphase(").append(ExpressionWriter.write(circuit.globalPhase(), 3)).append(");\n");
    }
    return out.append(body).toString();
  }

  private void instruction(CircuitInstruction in) {
    body.append(statement(in, "")).append('\n');
  }

  /** {@code in} as text at {@code indent}, its bit indices global (a loop body's are mapped). */
  private String statement(CircuitInstruction in, String indent) {
    String inner = in.condition() != null && version == 3 ? indent + "  " : indent;
    String statement =
        switch (in.operation()) {
          case Gate g -> definitions.call(g) + " " + names(in.qubits(), qubitNames) + ";";
          case Measure m ->
              version == 3
                  ? clbitNames[in.clbit(0)] + " = measure " + qubitNames[in.qubit(0)] + ";"
                  : "measure " + qubitNames[in.qubit(0)] + " -> " + clbitNames[in.clbit(0)] + ";";
          case DiscardedMeasure m -> "measure " + only3(qubitNames[in.qubit(0)], m) + ";";
          case Reset r -> "reset " + qubitNames[in.qubit(0)] + ";";
          case Barrier b -> "barrier " + names(in.qubits(), qubitNames) + ";";
          case Delay d -> delay(d, in);
          case SetBit b -> only3(clbitNames[in.clbit(0)] + " = " + b.value(), b) + ";";
          case WhileLoop w -> loop(w, in, inner);
          case IfElse f -> ifElse(f, in, inner);
          case Store st -> {
            only3("store", st);
            vars.add(st.var());
            yield st.var().name() + " = " + expression(st.value()) + ";";
          }
          case BreakLoop b -> only3("break", b) + ";";
          case ContinueLoop c -> only3("continue", c) + ";";
        };
    Condition c = in.condition();
    if (c == null) {
      return indent + statement;
    } else if (version == 3) {
      return indent + "if (" + condition3(c) + ") {\n" + inner + statement + "\n" + indent + "}";
    }
    return indent + "if(" + condition(c) + "==" + c.value() + ") " + statement;
  }

  private String only3(String text, Operation op) {
    if (version == 2) {
      throw new IllegalArgumentException(
          "OpenQASM 2 has no '"
              + (op instanceof DiscardedMeasure ? "measure" : text)
              + "' of this form, but the circuit has "
              + (op instanceof DiscardedMeasure
                  ? "a measurement whose result is discarded"
                  : "a " + op.name())
              + "; write OpenQASM 3 with Qasm3.dumps");
    }
    return text;
  }

  /** A while loop: its body's bits are the instruction's, so they are mapped before writing. */
  private String loop(WhileLoop w, CircuitInstruction in, String indent) {
    only3("while", w);
    List<String> alternatives = new ArrayList<>();
    for (Condition c : w.conditions()) {
      alternatives.add(condition3(mapped(c, in.clbits())));
    }
    String test =
        w.test() != null
            ? expression(w.test().mapClbits(b -> in.clbit(b)))
            : alternatives.isEmpty()
                ? "true"
                : alternatives.size() == 1
                    ? alternatives.getFirst()
                    : "(" + String.join(") || (", alternatives) + ")";
    StringBuilder text = new StringBuilder("while (").append(test).append(") ");
    return block(text, w.body(), in, indent);
  }

  /** An if/else on a run-time expression; its bodies' bits are mapped as a loop's are. */
  private String ifElse(IfElse f, CircuitInstruction in, String indent) {
    only3("if", f);
    StringBuilder text =
        new StringBuilder("if (")
            .append(expression(f.condition().mapClbits(b -> in.clbit(b))))
            .append(") ");
    block(text, f.then(), in, indent);
    if (!f.otherwise().data().isEmpty()) {
      block(text.append(" else "), f.otherwise(), in, indent);
    }
    return text.toString();
  }

  /** Appends {@code { body }} to {@code text}, the body's bits those of {@code in}. */
  private String block(
      StringBuilder text, QuantumCircuit body, CircuitInstruction in, String indent) {
    text.append("{\n");
    for (CircuitInstruction inner : body.data()) {
      Condition c = inner.condition() == null ? null : mapped(inner.condition(), in.clbits());
      CircuitInstruction global =
          new CircuitInstruction(
              inner.operation(),
              map(inner.qubits(), in.qubits()),
              map(inner.clbits(), in.clbits()),
              c);
      text.append(statement(global, indent + "  ")).append('\n');
    }
    return text.append(indent).append("}").toString();
  }

  /** A run-time expression in OpenQASM 3, fully parenthesised, its clbits global. */
  private String expression(ClassicalExpr e) {
    return switch (e) {
      case ClassicalExpr.Constant c -> Long.toString(c.value());
      case ClassicalExpr.Read r -> {
        vars.add(r.var());
        yield r.var().name();
      }
      case ClassicalExpr.Clbits c -> clbits(c.clbits());
      case ClassicalExpr.Unary u -> u.op() + "(" + expression(u.operand()) + ")";
      case ClassicalExpr.Binary b ->
          "(" + expression(b.left()) + " " + b.op() + " " + expression(b.right()) + ")";
    };
  }

  /** One bit by its name, or a whole register by its name. */
  private String clbits(int[] bits) {
    if (bits.length == 1) {
      return clbitNames[bits[0]];
    }
    for (ClassicalRegister r : circuit.cregs()) {
      if (Arrays.equals(
          bits, CircuitBuilder.range(circuit.offsetOf(r), circuit.offsetOf(r) + r.size()))) {
        return r.name();
      }
    }
    throw new IllegalArgumentException(
        "an expression reads clbits "
            + Arrays.toString(bits)
            + " as one integer, which OpenQASM 3 can say only of a whole register; read a"
            + " register or single bits");
  }

  /** {@code c} on the global clbits; it keeps its register only where that register's bits are. */
  private Condition mapped(Condition c, int[] clbits) {
    int[] bits = map(c.clbits(), clbits);
    ClassicalRegister r = c.register();
    boolean same =
        r != null
            && circuit.registers().contains(r)
            && Arrays.equals(
                bits, CircuitBuilder.range(circuit.offsetOf(r), circuit.offsetOf(r) + r.size()));
    return new Condition(same ? r : null, bits, c.value());
  }

  private static int[] map(int[] indices, int[] to) {
    return Arrays.stream(indices).map(i -> to[i]).toArray();
  }

  /**
   * An OpenQASM 3 condition: {@code c == 5} on a register, else one comparison per bit joined by
   * {@code &&}, which the reader turns back into the same bits and value.
   */
  private String condition3(Condition c) {
    if (c.register() != null) {
      return c.register().name() + " == " + c.value();
    }
    int[] bits = c.clbits();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < bits.length; i++) {
      text.append(i == 0 ? "" : " && ")
          .append(clbitNames[bits[i]])
          .append(" == ")
          .append(c.value() >>> i & 1);
    }
    return text.toString();
  }

  private String condition(Condition c) {
    if (c.register() != null) {
      return c.register().name();
    }
    for (ClassicalRegister r : circuit.cregs()) {
      if (r.size() == 1 && circuit.offsetOf(r) == c.clbits()[0]) {
        return r.name();
      }
    }
    throw new IllegalArgumentException(
        "OpenQASM 2 conditions compare whole registers, but an instruction is conditioned on the"
            + " single bit "
            + clbitNames[c.clbits()[0]]
            + "; condition on its register, or write OpenQASM 3 with Qasm3.dumps");
  }

  private String delay(Delay d, CircuitInstruction in) {
    if (version == 2) {
      throw new IllegalArgumentException(
          "OpenQASM 2 has no delay, but the circuit delays "
              + qubitNames[in.qubit(0)]
              + "; remove the delay or write OpenQASM 3 with Qasm3.dumps");
    }
    return "delay["
        + ExpressionWriter.write(d.duration(), 3)
        + d.unit()
        + "] "
        + qubitNames[in.qubit(0)]
        + ";";
  }

  private String names(int[] bits, String[] names) {
    return Arrays.stream(bits)
        .mapToObj(b -> names[b])
        .collect(Collectors.joining(version == 3 ? ", " : ","));
  }
}
