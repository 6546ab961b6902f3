package io.qserverless.quantum.qasm2.internal;

import io.qserverless.quantum.circuit.Barrier;
import io.qserverless.quantum.circuit.BreakLoop;
import io.qserverless.quantum.circuit.CircuitInstruction;
import io.qserverless.quantum.circuit.ClassicalExpr;
import io.qserverless.quantum.circuit.ClassicalRegister;
import io.qserverless.quantum.circuit.Condition;
import io.qserverless.quantum.circuit.ContinueLoop;
import io.qserverless.quantum.circuit.Delay;
import io.qserverless.quantum.circuit.DiscardedMeasure;
import io.qserverless.quantum.circuit.GateDefinition;
import io.qserverless.quantum.circuit.IfElse;
import io.qserverless.quantum.circuit.Measure;
import io.qserverless.quantum.circuit.Parameter;
import io.qserverless.quantum.circuit.ParameterExpression;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.circuit.QuantumRegister;
import io.qserverless.quantum.circuit.Register;
import io.qserverless.quantum.circuit.Reset;
import io.qserverless.quantum.circuit.SetBit;
import io.qserverless.quantum.circuit.Store;
import io.qserverless.quantum.circuit.WhileLoop;
import io.qserverless.quantum.qasm2.QasmParseException;
import io.qserverless.quantum.qasm2.internal.Modifiers.Step;
import io.qserverless.quantum.qasm2.internal.Statement.Operand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns parsed statements into a {@link QuantumCircuit}: declares registers, gates and inputs,
 * checks every name, arity and index (reporting line and column), broadcasts operations over whole
 * registers and attaches {@code if} conditions.
 */
public final class CircuitBuilder {

  private final int version;
  private final Function<Statement.Include, List<Statement>> includes;
  private final Map<String, GateSignature> gates = GateLibrary.builtins();
  private final Map<String, Register> registers = new HashMap<>();
  private final Map<String, Parameter> inputs = new LinkedHashMap<>();
  private final QuantumCircuit root = new QuantumCircuit();

  /** Where instructions go: the circuit, or the body of the while loop being built. */
  private QuantumCircuit circuit = root;

  private final Calls calls;
  private boolean libraryMode;

  private CircuitBuilder(int version, Function<Statement.Include, List<Statement>> includes) {
    this.version = version;
    this.includes = includes;
    this.calls = new Calls(this);
  }

  /**
   * Builds the circuit of {@code program}; {@code includes} reads a user include file (the standard
   * ones are built in) and throws a parse error when it cannot.
   */
  public static QuantumCircuit build(
      List<Statement> program, int version, Function<Statement.Include, List<Statement>> includes) {
    CircuitBuilder b = new CircuitBuilder(version, includes);
    b.run(program);
    return b.root;
  }

  /**
   * Reads an include file of standard gates: each becomes a model standard gate where one exists.
   */
  static List<GateSignature> library(List<Statement> definitions) {
    CircuitBuilder b = new CircuitBuilder(2, i -> List.of());
    b.libraryMode = true;
    b.run(definitions);
    return b.gates.values().stream()
        .filter(g -> !g.name().equals("U") && !g.name().equals("CX"))
        .toList();
  }

  int version() {
    return version;
  }

  Map<String, GateSignature> gates() {
    return gates;
  }

  QasmParseException error(Token at, String problem) {
    return new QasmParseException(at.source(), at.line(), at.column(), problem);
  }

  private void run(List<Statement> program) {
    for (Statement s : program) {
      try {
        switch (s) {
          case Statement.Include i -> include(i);
          case Statement.RegisterDeclaration r -> declare(r);
          case Statement.InputDeclaration i -> declareInput(i);
          case Statement.GateDefinition g -> define(g);
          default -> operation(s, null);
        }
      } catch (IllegalArgumentException e) {
        // The circuit model refused something the checks here let through (e.g. a name it does not
        // allow).
        throw error(s.at(), e.getMessage());
      }
    }
  }

  private void include(Statement.Include include) {
    String standard = version == 3 ? "stdgates.inc" : "qelib1.inc";
    if (include.file().equals(standard)) {
      (version == 3 ? GateLibrary.stdgates() : GateLibrary.qelib1()).forEach(gates::putIfAbsent);
    } else {
      run(includes.apply(include));
    }
  }

  private void declare(Statement.RegisterDeclaration r) {
    if (registers.containsKey(r.name())) {
      throw error(r.at(), "register '" + r.name() + "' is already declared; choose another name");
    }
    if (gates.containsKey(r.name())) {
      throw error(
          r.at(),
          "'" + r.name() + "' is already the name of a gate; give the register another name");
    }
    Register register =
        r.quantum()
            ? new QuantumRegister(r.size(), r.name())
            : new ClassicalRegister(r.size(), r.name());
    registers.put(r.name(), register);
    root.addRegister(register);
  }

  private void declareInput(Statement.InputDeclaration i) {
    String name = i.parameter().name();
    if (inputs.containsKey(name)) {
      throw error(i.at(), "input '" + name + "' is already declared; choose another name");
    }
    inputs.put(name, i.parameter());
  }

  private void define(Statement.GateDefinition g) {
    GateSignature existing = gates.get(g.name());
    if (libraryMode) {
      GateSignature standard =
          GateLibrary.standardFor(g.name(), g.parameters().size(), g.qubits().size());
      if (standard != null) {
        gates.put(g.name(), standard);
        return;
      }
    } else if (existing != null) {
      // Qiskit's reader lets a program restate a gate it adds to qelib1.inc, with the same shape.
      if (existing.at() == null
          && GateLibrary.mayRestate(g.name(), version)
          && existing.matches(g.parameters().size(), g.qubits().size())) {
        return;
      }
      throw error(
          g.at(),
          "gate '"
              + g.name()
              + "' is already defined"
              + (existing.at() != null
                  ? " at line " + existing.at().line()
                  : GateLibrary.builtins().containsKey(g.name())
                      ? " as a built-in gate"
                      : " by the included " + (version == 3 ? "stdgates.inc" : "qelib1.inc"))
              + "; choose another name");
    } else if (registers.containsKey(g.name())) {
      throw error(
          g.at(),
          "'" + g.name() + "' is already the name of a register; give the gate another name");
    }
    List<Parameter> params = new ArrayList<>();
    for (String p : g.parameters()) {
      params.add(new Parameter(p));
    }
    calls.formalQubits(g);
    QuantumCircuit body = g.opaque() ? null : calls.body(g, params);
    GateDefinition definition =
        body == null
            ? GateDefinition.opaque(g.name(), params, g.qubits().size())
            : new GateDefinition(g.name(), params, body);
    gates.put(g.name(), GateSignature.custom(definition, g.at()));
  }

  private void operation(Statement s, Condition condition) {
    switch (s) {
      case Statement.GateCall call -> {
        for (Step step : calls.steps(call, this::qubits, this::input)) {
          emitStep(step, condition, call.at());
        }
      }
      case Statement.Measure m when m.clbit() == null -> {
        for (int q : qubits(m.qubit())) {
          circuit.append(
              new CircuitInstruction(new DiscardedMeasure(), new int[] {q}, new int[0], condition));
        }
      }
      case Statement.Measure m -> {
        int[] qubits = qubits(m.qubit());
        int[] clbits = clbits(m.clbit());
        // In OpenQASM 3 a one-bit register ('bit c;') stands for its bit; OpenQASM 2 has no
        // scalars.
        if (m.qubit().whole() != m.clbit().whole()
            && (version == 2 || Math.max(qubits.length, clbits.length) > 1)) {
          throw error(
              m.at(),
              "measure needs a qubit and a bit, or two whole registers, but got "
                  + m.qubit()
                  + " and "
                  + m.clbit()
                  + "; index both or neither");
        }
        List<int[]> bits =
            Calls.broadcast(
                this, List.of(m.qubit(), m.clbit()), List.of(qubits, clbits), m.at(), false);
        for (int[] pair : bits) {
          circuit.append(
              new CircuitInstruction(
                  new Measure(), new int[] {pair[0]}, new int[] {pair[1]}, condition));
        }
      }
      case Statement.Reset r -> {
        for (int q : qubits(r.qubit())) {
          circuit.append(new CircuitInstruction(new Reset(), new int[] {q}, new int[0], condition));
        }
      }
      case Statement.Barrier b -> {
        int[] all = b.qubits().isEmpty() ? range(0, circuit.numQubits()) : union(b.qubits());
        if (all.length > 0) {
          circuit.append(
              new CircuitInstruction(new Barrier(all.length), all, new int[0], condition));
        }
      }
      case Statement.Delay d -> {
        Delay delay = new Delay(d.duration().toParameter(this::input), d.unit());
        for (int q : d.qubits().isEmpty() ? range(0, circuit.numQubits()) : union(d.qubits())) {
          circuit.append(new CircuitInstruction(delay, new int[] {q}, new int[0], condition));
        }
      }
      case Statement.If i -> conditional(i, condition);
      case Statement.Conditioned c -> conditioned(c, condition);
      case Statement.While w -> loop(w, condition);
      case Statement.Store st ->
          circuit.append(
              new CircuitInstruction(
                  new Store(st.var(), global(st.value(), st.clbits())),
                  new int[0],
                  new int[0],
                  condition));
      case Statement.IfElse f ->
          circuit.append(
              new CircuitInstruction(
                  new IfElse(
                      global(f.condition(), f.clbits()), body(f.then()), body(f.otherwise())),
                  range(0, circuit.numQubits()),
                  range(0, circuit.numClbits()),
                  condition));
      case Statement.SetBit b ->
          circuit.append(
              new CircuitInstruction(
                  new SetBit(b.value()), new int[0], clbits(b.clbit()), condition));
      case Statement.LoopJump j ->
          circuit.append(
              new CircuitInstruction(
                  j.exits() ? new BreakLoop() : new ContinueLoop(),
                  new int[0],
                  new int[0],
                  condition));
      default ->
          throw error(s.at(), "a declaration cannot stand inside 'if'; move it before the 'if'");
    }
  }

  private void emitStep(Step step, Condition condition, Token at) {
    if (step.gate() != null) {
      circuit.append(new CircuitInstruction(step.gate(), step.qubits(), new int[0], condition));
    } else if (condition != null || circuit != root) {
      throw error(
          at,
          "a global phase cannot be conditioned or repeated by a while loop; apply the phase to a"
              + " qubit with 'p' instead");
    } else {
      circuit.setGlobalPhase(Modifiers.addPhase(circuit.globalPhase(), step.phase()));
    }
  }

  private void conditional(Statement.If i, Condition outer) {
    if (outer != null) {
      throw error(
          i.at(),
          "an 'if' inside an 'if' is not supported; combine the conditions into one register"
              + " value");
    }
    int[] bits = clbits(i.condition());
    Register register = i.condition().whole() ? registers.get(i.condition().register()) : null;
    if (bits.length == 0 || (bits.length < 63 && i.value() >= 1L << bits.length)) {
      throw error(
          i.condition().at(),
          "cannot compare "
              + i.condition()
              + " ("
              + bits.length
              + " bits) with "
              + i.value()
              + "; use a value from 0 to "
              + ((1L << Math.min(bits.length, 62)) - 1));
    }
    Condition condition = new Condition((ClassicalRegister) register, bits, i.value());
    for (Statement s : i.body()) {
      operation(s, condition);
    }
  }

  /** One copy of the body per value: the values exclude each other, so at most one runs. */
  private void conditioned(Statement.Conditioned c, Condition outer) {
    if (outer != null) {
      throw error(c.at(), "a condition inside a condition; the unroller combines them into one");
    }
    for (Condition condition : conditions(c.clbits(), c.values(), c.register())) {
      operation(c.body(), condition);
    }
  }

  /** One condition per value on {@code clbits}, naming the register when they are all of it. */
  private List<Condition> conditions(List<Operand> clbits, List<Long> values, String register) {
    int[] bits = clbits.stream().map(this::clbits).flatMapToInt(Arrays::stream).toArray();
    Register named = register == null ? null : registers.get(register);
    ClassicalRegister whole =
        named instanceof ClassicalRegister r
                && Arrays.equals(bits, range(circuit.offsetOf(r), circuit.offsetOf(r) + r.size()))
            ? r
            : null;
    return values.stream().map(v -> new Condition(whole, bits, v)).toList();
  }

  /**
   * A while loop on measured bits: its body is a circuit over every register declared so far, so
   * bit indices read the same inside and out.
   */
  private void loop(Statement.While w, Condition condition) {
    QuantumCircuit body = body(w.body());
    WhileLoop loop =
        w.test() == null
            ? new WhileLoop(conditions(w.clbits(), w.values(), w.register()), body)
            : new WhileLoop(List.of(), global(w.test(), w.clbits()), body);
    circuit.append(
        new CircuitInstruction(
            loop, range(0, circuit.numQubits()), range(0, circuit.numClbits()), condition));
  }

  /** A body of control flow: a circuit over every register declared so far. */
  private QuantumCircuit body(List<Statement> statements) {
    QuantumCircuit outer = circuit;
    QuantumCircuit body = new QuantumCircuit(outer.registers().toArray(Register[]::new));
    circuit = body;
    try {
      for (Statement s : statements) {
        operation(s, null);
      }
    } finally {
      circuit = outer;
    }
    return body;
  }

  /** {@code e} with its clbit k, operand k of {@code clbits}, numbered as the circuit's. */
  private ClassicalExpr global(ClassicalExpr e, List<Operand> clbits) {
    int[] bits = clbits.stream().mapToInt(o -> clbits(o)[0]).toArray();
    return e.mapClbits(k -> bits[k]);
  }

  private ParameterExpression input(Expr.Name name) {
    Parameter p = inputs.get(name.name());
    if (p == null) {
      throw error(
          name.at(),
          "unknown parameter '"
              + name.name()
              + "'"
              + (version == 3
                  ? "; declare it with 'input float[64] " + name.name() + ";'"
                  : "; only a gate body may use parameter names"));
    }
    return p;
  }

  /** The distinct qubits of the operands, in order. */
  private int[] union(List<Operand> operands) {
    return operands.stream().map(this::qubits).flatMapToInt(Arrays::stream).distinct().toArray();
  }

  int[] qubits(Operand o) {
    return bits(o, true);
  }

  private int[] clbits(Operand o) {
    return bits(o, false);
  }

  private int[] bits(Operand o, boolean quantum) {
    Register r = registers.get(o.register());
    String kind = quantum ? "quantum" : "classical";
    if (r == null) {
      throw error(o.at(), "unknown " + kind + " register '" + o.register() + "'; declare it first");
    }
    if ((r instanceof QuantumRegister) != quantum) {
      throw error(
          o.at(),
          "'"
              + o.register()
              + "' is a "
              + (quantum ? "classical" : "quantum")
              + " register where a "
              + kind
              + " one is expected");
    }
    if (o.index() >= r.size()) {
      throw error(
          o.at(),
          o
              + " is out of range: register '"
              + r.name()
              + "' has "
              + r.size()
              + " bits (indices 0.."
              + (r.size() - 1)
              + ")");
    }
    int offset = circuit.offsetOf(r);
    return o.whole() ? range(offset, offset + r.size()) : new int[] {offset + o.index()};
  }

  static int[] range(int from, int to) {
    int[] r = new int[to - from];
    Arrays.setAll(r, i -> from + i);
    return r;
  }
}
