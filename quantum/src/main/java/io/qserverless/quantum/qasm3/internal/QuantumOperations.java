package io.qserverless.quantum.qasm3.internal;

import static io.qserverless.quantum.qasm3.internal.Syntax.error;

import io.qserverless.quantum.circuit.ParameterExpression;
import io.qserverless.quantum.qasm2.internal.Expr;
import io.qserverless.quantum.qasm2.internal.Statement;
import io.qserverless.quantum.qasm2.internal.Statement.Operand;
import io.qserverless.quantum.qasm2.internal.Token;
import io.qserverless.quantum.qasm3.internal.Syntax.Stmt;
import java.util.ArrayList;
import java.util.List;

/**
 * The quantum statements of an unrolled program, written as circuit statements with their arguments
 * computed: gate definitions and calls (modifier arguments and angles evaluated, registers
 * broadcast), measurements, and delays.
 */
final class QuantumOperations {

  private final Emitter emitter;
  private final BitLedger bits;
  private final Operands operands;
  private final Evaluator values;

  QuantumOperations(Emitter emitter, BitLedger bits, Operands operands, Evaluator values) {
    this.emitter = emitter;
    this.bits = bits;
    this.operands = operands;
    this.values = values;
  }

  /** A {@code gate} block, as a circuit gate definition over its parameters. */
  void define(Syntax.GateDefinition g) {
    List<Statement> body = new ArrayList<>();
    for (Stmt s : g.body()) {
      switch (s) {
        case Syntax.GateCall c -> {
          List<Operand> operands = new ArrayList<>();
          for (Syntax.Expr o : c.operands()) {
            if (!(o instanceof Syntax.Identifier id)) {
              throw error(
                  o.at(), "inside a gate body qubits are named without an index; write its name");
            }
            operands.add(new Operand(id.name(), -1, id.at()));
          }
          List<Expr> args = c.arguments().stream().map(a -> angle(a, g.parameters())).toList();
          body.add(
              new Statement.GateCall(modifiers(c.modifiers()), c.name(), args, operands, c.at()));
        }
        case Syntax.Barrier b ->
            body.add(
                new Statement.Barrier(
                    b.qubits().stream()
                        .map(o -> new Operand(((Syntax.Identifier) o).name(), -1, o.at()))
                        .toList(),
                    b.at()));
        default ->
            throw error(
                s.at(),
                "a gate body holds only gate calls, gphase and barrier; move this into a 'def'");
      }
    }
    emitter.declare(
        new Statement.GateDefinition(g.name(), g.parameters(), g.qubits(), body, g.at()));
  }

  /** A gate-body angle as an OpenQASM 2-style expression over the gate's parameters. */
  private Expr angle(Syntax.Expr e, List<String> parameters) {
    return switch (e) {
      case Syntax.Identifier id when parameters.contains(id.name()) ->
          new Expr.Name(id.name(), id.at());
      case Syntax.Unary u when u.op().equals("-") ->
          new Expr.Negate(angle(u.operand(), parameters));
      case Syntax.Binary b when List.of("+", "-", "*", "/", "**").contains(b.op()) ->
          new Expr.Binary(
              switch (b.op()) {
                case "+" -> ParameterExpression.BinaryOp.ADD;
                case "-" -> ParameterExpression.BinaryOp.SUB;
                case "*" -> ParameterExpression.BinaryOp.MUL;
                case "/" -> ParameterExpression.BinaryOp.DIV;
                default -> ParameterExpression.BinaryOp.POW;
              },
              angle(b.left(), parameters),
              angle(b.right(), parameters),
              b.at());
      case Syntax.Call c when Expr.function(c.name()) != null && c.arguments().size() == 1 ->
          new Expr.Call(
              Expr.function(c.name()), angle(c.arguments().getFirst(), parameters), c.at());
      default -> {
        Value v = values.evaluate(e);
        yield new Expr.Known(Operators.angle(v, e.at()));
      }
    };
  }

  private List<Statement.Modifier> modifiers(List<Syntax.Modifier> modifiers) {
    return modifiers.stream()
        .map(
            m ->
                new Statement.Modifier(
                    m.kind(),
                    m.argument() == null
                        ? null
                        : new Expr.Number(
                            Operators.real(values.evaluate(m.argument()), m.at()), m.at()),
                    m.at()))
        .toList();
  }

  /**
   * A gate applied to qubits; registers and slices broadcast, one instance per position. Angles
   * that depend on measured bits give one conditioned call per distinct set of angles.
   */
  void gateCall(Syntax.GateCall c) {
    List<Value> args = c.arguments().stream().map(values::evaluate).toList();
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i) instanceof Value.Runtime) {
        Operators.angle(args.get(i), c.arguments().get(i).at()); // refuses it with the reason
      }
    }
    Value choices = Operators.lift(args, v -> new Value.Array(List.copyOf(v)), c.at());
    if (!(choices instanceof Value.Dynamic d)) {
      apply(c, ((Value.Array) choices).items());
      return;
    }
    if (emitter.wide() != null) {
      throw error(
          c.at(),
          "an angle that depends on a measurement cannot stand under a condition on more than "
              + Operators.MAX_DYNAMIC_BITS
              + " bits; compare fewer bits");
    }
    Value outer = emitter.path();
    for (Value choice : java.util.Arrays.stream(d.table()).distinct().toList()) {
      Value[] when = new Value[d.table().length];
      for (int a = 0; a < when.length; a++) {
        when[a] = new Value.Bool(d.table()[a].equals(choice));
      }
      try {
        emitter.path(
            Operators.binary(
                "&&",
                outer,
                new Value.Dynamic(d.clbits(), d.versions(), when, d.register()),
                c.at()));
        apply(c, ((Value.Array) choice).items());
      } finally {
        emitter.path(outer);
      }
    }
  }

  private void apply(Syntax.GateCall c, List<Value> angles) {
    List<Expr> args = new ArrayList<>();
    for (int i = 0; i < angles.size(); i++) {
      args.add(new Expr.Known(Operators.angle(angles.get(i), c.arguments().get(i).at())));
    }
    List<List<Operand>> targets = c.operands().stream().map(operands::qubits).toList();
    int size = 1;
    for (int i = 0; i < targets.size(); i++) {
      int n = targets.get(i).size();
      if (n != 1 && size != 1 && n != size) {
        throw error(
            c.operands().get(i).at(),
            "this operand has "
                + n
                + " qubits but an earlier one has "
                + size
                + "; broadcast needs one size");
      }
      size = n == 1 ? size : n;
    }
    List<Statement.Modifier> modifiers = modifiers(c.modifiers());
    for (int k = 0; k < size; k++) {
      List<Operand> instance = new ArrayList<>();
      for (List<Operand> o : targets) {
        instance.add(o.size() == 1 ? o.getFirst() : o.get(k));
      }
      emitter.emit(
          new Statement.GateCall(modifiers, c.name(), args, instance, c.at()), List.of(), c.at());
    }
  }

  /** {@code target = measure qubit;}, or with a null target {@code measure qubit;}. */
  void measure(Syntax.Expr qubit, Syntax.Expr target, Token at) {
    List<Operand> qubits = operands.qubits(qubit);
    if (target == null) {
      // 'measure q;': the state collapses, the result is kept nowhere
      qubits.forEach(q -> emitter.emit(new Statement.Measure(q, null, at), List.of(), at));
      return;
    }
    emitter.measureInto(qubits, operands.bits(target), at);
  }

  /**
   * {@code return measure q;}: the result goes to a new bit register named {@code measured} (or
   * {@code measured_1}, ...), as a local {@code bit} declaration would.
   */
  Value measuredValue(Syntax.Measure m) {
    List<Operand> qubits = operands.qubits(m.qubit());
    String name = bits.uniqueName("measured", false);
    int offset = bits.add(name, qubits.size());
    emitter.declare(new Statement.RegisterDeclaration(false, name, qubits.size(), m.at()));
    emitter.measureInto(qubits, Operands.range(offset, qubits.size()), m.at());
    return bits.read(Operands.range(offset, qubits.size()), name, m.at());
  }

  /**
   * A delay with a literal duration ({@code delay[100ns]}, {@code delay[2 * t us]}) stays in the
   * circuit, where the simulator treats it as identity; one on a duration variable or stretch only
   * shapes timing, which is ignored.
   */
  void delay(Syntax.Delay d) {
    Expr duration;
    String unit;
    if (d.unit() != null) {
      duration = new Expr.Known(Operators.angle(values.evaluate(d.duration()), d.duration().at()));
      unit = d.unit();
    } else if (d.duration() instanceof Syntax.DurationLiteral literal) {
      duration = new Expr.Number(literal.amount(), literal.at());
      unit = literal.unit();
    } else {
      return;
    }
    List<Operand> qubits = new ArrayList<>();
    d.qubits().forEach(q -> qubits.addAll(operands.qubits(q)));
    emitter.emit(
        new Statement.Delay(duration, unit.equals("µs") ? "us" : unit, qubits, d.at()),
        List.of(),
        d.at());
  }
}
