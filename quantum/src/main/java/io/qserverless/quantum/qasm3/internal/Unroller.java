package io.qserverless.quantum.qasm3.internal;

import static io.qserverless.quantum.qasm3.internal.Syntax.error;

import io.qserverless.quantum.circuit.Parameter;
import io.qserverless.quantum.circuit.ParameterExpression;
import io.qserverless.quantum.qasm2.internal.Expr;
import io.qserverless.quantum.qasm2.internal.Statement;
import io.qserverless.quantum.qasm2.internal.Statement.Operand;
import io.qserverless.quantum.qasm2.internal.Token;
import io.qserverless.quantum.qasm3.internal.Syntax.Stmt;
import io.qserverless.quantum.qasm3.internal.Syntax.Type;
import io.qserverless.quantum.qasm3.internal.Value.Bits;
import io.qserverless.quantum.qasm3.internal.Value.Bool;
import io.qserverless.quantum.qasm3.internal.Value.Dynamic;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs the classical part of an OpenQASM 3 program while reading it, and writes the quantum part
 * as plain circuit statements: loops, subroutine calls and branches on known values are unrolled;
 * branches on measured bits become conditions on those bits, so the simulator follows them
 * exactly, branch by branch.
 *
 * <p>Values computed from measured bits are tables over those bits ({@link Dynamic}). The circuit
 * keeps only each bit's latest value, so a program that needs a bit's earlier value after
 * measuring into it again is refused, as is a {@code while} whose condition depends on a
 * measurement (its iteration count is only known at run time). Timing is accepted and ignored.
 */
public final class Unroller {

  /** Statements run while unrolling, past which the program is taken for an endless loop. */
  static final int MAX_STEPS = 1_000_000;

  static final int MAX_CALL_DEPTH = 64;

  /** The register that hardware qubits {@code $0 .. $n} become. */
  public static final String HARDWARE_REGISTER = "physical";

  private final Function<Syntax.Include, List<Stmt>> includes;
  private final List<Statement> out = new ArrayList<>();
  private final Scopes scopes = new Scopes();
  private final BitLedger bits = new BitLedger();
  private final Map<String, Syntax.Subroutine> subroutines = new HashMap<>();
  private final Map<String, Syntax.GateDefinition> gates = new HashMap<>();
  private final Deque<Value> loopEntries = new ArrayDeque<>();
  private Value path = new Bool(true);
  private Equality wide;
  private int steps;
  private int callDepth;
  private int hardwareQubits;
  private boolean virtualQubits;

  private Unroller(Function<Syntax.Include, List<Stmt>> includes) {
    this.includes = includes;
  }

  /**
   * The circuit statements of {@code program}; {@code includes} parses a user include file.
   * {@code hardwareQubits} is one more than the highest {@code $n} the program names (0 if none).
   */
  public static List<Statement> unroll(
      List<Stmt> program, int hardwareQubits, Function<Syntax.Include, List<Stmt>> includes) {
    Unroller u = new Unroller(includes);
    if (hardwareQubits > 0) {
      u.hardwareQubits = hardwareQubits;
      u.out.add(
          new Statement.RegisterDeclaration(
              true, HARDWARE_REGISTER, hardwareQubits, program.getFirst().at()));
    }
    try {
      u.run(program);
    } catch (Jump j) {
      throw error(j.at, j.kind + " outside a " + (j.kind.equals("return") ? "subroutine" : "loop"));
    }
    return u.out;
  }

  // ---- statements

  private void run(List<Stmt> statements) {
    for (Stmt s : statements) {
      if (++steps > MAX_STEPS) {
        throw error(
            s.at(),
            "the program runs more than "
                + MAX_STEPS
                + " statements while it is unrolled; is a loop endless?");
      }
      statement(s);
    }
  }

  private void scoped(List<Stmt> body) {
    scopes.push();
    try {
      run(body);
    } finally {
      scopes.pop();
    }
  }

  private void statement(Stmt s) {
    switch (s) {
      case Syntax.Include i -> {
        if (i.file().equals("stdgates.inc")) {
          out.add(new Statement.Include(i.file(), i.at()));
        } else {
          run(includes.apply(i));
        }
      }
      case Syntax.QubitDeclaration q -> declareQubits(q);
      case Syntax.Alias a -> scopes.declare(a.name(), new Binding.QubitList(qubits(a.target())), a.at());
      case Syntax.Declaration d -> declare(d);
      case Syntax.GateDefinition g -> defineGate(g);
      case Syntax.Subroutine d -> {
        if (subroutines.put(d.name(), d) != null || gates.containsKey(d.name())) {
          throw error(d.at(), "'" + d.name() + "' is already defined; choose another name");
        }
      }
      case Syntax.GateCall c -> gateCall(c);
      case Syntax.MeasureStatement m -> measure(m.qubit(), m.target(), m.at());
      case Syntax.Reset r -> {
        for (Operand q : qubits(r.qubit())) {
          emit(new Statement.Reset(q, r.at()), List.of(), r.at());
        }
      }
      case Syntax.Barrier b -> {
        List<Operand> qubits = new ArrayList<>();
        b.qubits().forEach(q -> qubits.addAll(qubits(q)));
        emit(new Statement.Barrier(qubits, b.at()), List.of(), b.at());
      }
      case Syntax.Delay d -> delay(d);
      case Syntax.Assignment a -> assign(a);
      case Syntax.If i -> branch(i.condition(), i.then(), i.otherwise(), i.at());
      case Syntax.For f -> forLoop(f);
      case Syntax.While w -> whileLoop(w);
      case Syntax.Break b -> throw jump("break", b.at(), null);
      case Syntax.Continue c -> throw jump("continue", c.at(), null);
      case Syntax.Return r -> {
        Value value = r.value() == null ? null : measuredOrValue(r.value());
        throw jump("return", r.at(), value);
      }
      case Syntax.Switch w -> switchStatement(w);
      case Syntax.Block b -> scoped(b.body());
      case Syntax.ExpressionStatement e -> evaluate(e.expression());
    }
  }

  private void declareQubits(Syntax.QubitDeclaration q) {
    if (hardwareQubits > 0) {
      throw error(
          q.at(),
          "this program addresses hardware qubits ($0, $1, ...), so it cannot also declare qubit"
              + " registers; use one or the other");
    }
    virtualQubits = true;
    int size = q.size() == null ? 1 : size(q.size());
    scopes.declare(q.name(), new Binding.Qubits(q.name(), size, q.size() == null), q.at());
    out.add(new Statement.RegisterDeclaration(true, q.name(), size, q.at()));
  }

  private void declare(Syntax.Declaration d) {
    Type type = d.type();
    if (d.io() == Syntax.Io.INPUT) {
      if (type.kind() != Type.Kind.FLOAT && type.kind() != Type.Kind.ANGLE) {
        throw error(
            d.at(),
            "only float and angle inputs become circuit parameters; declare '"
                + d.name()
                + "' as 'const "
                + type.kind().name().toLowerCase()
                + " "
                + d.name()
                + " = value;' instead");
      }
      Parameter p = new Parameter(d.name());
      scopes.declare(d.name(), new Binding.Variable(type.kind(), 0, new Value.Symbolic(p), true), d.at());
      out.add(new Statement.InputDeclaration(p, d.at()));
      return;
    }
    if (type.kind() == Type.Kind.BIT) {
      declareBits(d);
      return;
    }
    if (type.kind() == Type.Kind.QUBIT) {
      throw error(d.at(), "declare qubits with 'qubit[n] name;'");
    }
    int width = type.width() == null ? 0 : size(type.width());
    Value value;
    if (d.init() == null) {
      if (d.constant()) {
        throw error(d.at(), "constant '" + d.name() + "' needs a value: const ... " + d.name() + " = value;");
      }
      value = initial(type);
    } else if (d.init() instanceof Syntax.Measure) {
      throw error(d.init().at(), "a measurement gives bits; declare '" + d.name() + "' as bit or bit[n]");
    } else {
      value = coerce(type, width, evaluate(d.init()), d.init().at());
    }
    if (d.constant() && (value instanceof Dynamic || value instanceof Value.Symbolic)) {
      throw error(d.at(), "constant '" + d.name() + "' must be known before the circuit runs, not depend on a measurement or input");
    }
    scopes.declare(d.name(), new Binding.Variable(type.kind(), width, value, d.constant()), d.at());
  }

  /** A bit declaration is a classical register of the circuit: its bits are the results. */
  private void declareBits(Syntax.Declaration d) {
    int size = d.type().width() == null ? 1 : size(d.type().width());
    String name = bits.uniqueName(d.name(), scopes.isGlobal());
    int offset = bits.add(name, size);
    out.add(new Statement.RegisterDeclaration(false, name, size, d.at()));
    scopes.declare(d.name(), new Binding.Clbits(name, offset, size, d.type().width() == null), d.at());
    if (d.init() instanceof Syntax.Measure m) {
      measure(m.qubit(), new Syntax.Identifier(d.name(), d.at()), m.at());
    } else if (d.init() != null) {
      storeBits(bitsOf(new Syntax.Identifier(d.name(), d.at())), evaluate(d.init()), d.init().at());
    }
  }

  private void defineGate(Syntax.GateDefinition g) {
    if (gates.put(g.name(), g) != null || subroutines.containsKey(g.name())) {
      throw error(g.at(), "gate '" + g.name() + "' is already defined; choose another name");
    }
    List<Statement> body = new ArrayList<>();
    for (Stmt s : g.body()) {
      switch (s) {
        case Syntax.GateCall c -> {
          List<Operand> operands = new ArrayList<>();
          for (Syntax.Expr o : c.operands()) {
            if (!(o instanceof Syntax.Identifier id)) {
              throw error(o.at(), "inside a gate body qubits are named without an index; write its name");
            }
            operands.add(new Operand(id.name(), -1, id.at()));
          }
          List<Expr> args = c.arguments().stream().map(a -> angle(a, g.parameters())).toList();
          body.add(new Statement.GateCall(modifiers(c.modifiers()), c.name(), args, operands, c.at()));
        }
        case Syntax.Barrier b ->
            body.add(
                new Statement.Barrier(
                    b.qubits().stream()
                        .map(o -> new Operand(((Syntax.Identifier) o).name(), -1, o.at()))
                        .toList(),
                    b.at()));
        default ->
            throw error(s.at(), "a gate body holds only gate calls, gphase and barrier; move this into a 'def'");
      }
    }
    out.add(new Statement.GateDefinition(g.name(), g.parameters(), g.qubits(), body, g.at()));
  }

  /** A gate-body angle as an OpenQASM 2-style expression over the gate's parameters. */
  private Expr angle(Syntax.Expr e, List<String> parameters) {
    return switch (e) {
      case Syntax.Identifier id when parameters.contains(id.name()) -> new Expr.Name(id.name(), id.at());
      case Syntax.Unary u when u.op().equals("-") -> new Expr.Negate(angle(u.operand(), parameters));
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
          new Expr.Call(Expr.function(c.name()), angle(c.arguments().getFirst(), parameters), c.at());
      default -> {
        Value v = evaluate(e);
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
                        : new Expr.Number(Operators.real(evaluate(m.argument()), m.at()), m.at()),
                    m.at()))
        .toList();
  }

  private void gateCall(Syntax.GateCall c) {
    if (subroutines.containsKey(c.name()) && c.modifiers().isEmpty()) {
      // 'bellprep q;' calls subroutine bellprep with q, as the official examples write it.
      List<Syntax.Expr> args = new ArrayList<>(c.arguments());
      args.addAll(c.operands());
      call(new Syntax.Call(c.name(), args, c.at()));
      return;
    }
    List<Expr> args = new ArrayList<>();
    for (Syntax.Expr a : c.arguments()) {
      args.add(new Expr.Known(Operators.angle(evaluate(a), a.at())));
    }
    List<List<Operand>> operands = c.operands().stream().map(this::qubits).toList();
    int size = 1;
    for (int i = 0; i < operands.size(); i++) {
      int n = operands.get(i).size();
      if (n != 1 && size != 1 && n != size) {
        throw error(c.operands().get(i).at(), "this operand has " + n + " qubits but an earlier one has " + size + "; broadcast needs one size");
      }
      size = n == 1 ? size : n;
    }
    List<Statement.Modifier> modifiers = modifiers(c.modifiers());
    for (int k = 0; k < size; k++) {
      List<Operand> instance = new ArrayList<>();
      for (List<Operand> o : operands) {
        instance.add(o.size() == 1 ? o.getFirst() : o.get(k));
      }
      emit(new Statement.GateCall(modifiers, c.name(), args, instance, c.at()), List.of(), c.at());
    }
  }

  private void measure(Syntax.Expr qubit, Syntax.Expr target, Token at) {
    List<Operand> qubits = qubits(qubit);
    if (target == null) {
      throw error(
          at,
          "'measure' without a target discards the result, which this circuit model cannot do;"
              + " keep it: bit b = measure q;");
    }
    measureInto(qubits, bitsOf(target), at);
  }

  private void measureInto(List<Operand> qubits, List<Integer> clbits, Token at) {
    if (qubits.size() != clbits.size()) {
      throw error(at, "measure needs as many bits as qubits, but got " + qubits.size() + " qubits and " + clbits.size() + " bits");
    }
    for (int i = 0; i < qubits.size(); i++) {
      int clbit = clbits.get(i);
      emit(new Statement.Measure(qubits.get(i), bits.operand(clbit, at), at), List.of(clbit), at);
      bits.measured(clbit);
    }
  }

  /**
   * {@code return measure q;}: the result goes to a new bit register named {@code measured} (or
   * {@code measured_1}, ...), as a local {@code bit} declaration would.
   */
  private Value measuredValue(Syntax.Measure m) {
    List<Operand> qubits = qubits(m.qubit());
    String name = bits.uniqueName("measured", false);
    int offset = bits.add(name, qubits.size());
    out.add(new Statement.RegisterDeclaration(false, name, qubits.size(), m.at()));
    measureInto(qubits, range(offset, qubits.size()), m.at());
    return bits.read(range(offset, qubits.size()), name, m.at());
  }

  /**
   * A delay with a literal duration ({@code delay[100ns]}, {@code delay[2 * t us]}) stays in the
   * circuit, where the simulator treats it as identity; one on a duration variable or stretch only
   * shapes timing, which is ignored.
   */
  private void delay(Syntax.Delay d) {
    Expr duration;
    String unit;
    if (d.unit() != null) {
      duration = new Expr.Known(Operators.angle(evaluate(d.duration()), d.duration().at()));
      unit = d.unit();
    } else if (d.duration() instanceof Syntax.DurationLiteral literal) {
      duration = new Expr.Number(literal.amount(), literal.at());
      unit = literal.unit();
    } else {
      return;
    }
    List<Operand> qubits = new ArrayList<>();
    d.qubits().forEach(q -> qubits.addAll(qubits(q)));
    emit(
        new Statement.Delay(duration, unit.equals("µs") ? "us" : unit, qubits, d.at()),
        List.of(),
        d.at());
  }

  private void assign(Syntax.Assignment a) {
    Binding target = scopes.lookup(rootName(a.target()), a.target().at());
    Value value = evaluate(a.value());
    if (!a.op().equals("=")) {
      String op = a.op().substring(0, a.op().length() - 1);
      value = Operators.binary(op, evaluate(a.target()), value, a.at());
    }
    switch (target) {
      case Binding.Clbits c -> storeBits(bitsOf(a.target()), value, a.value().at());
      case Binding.Variable v -> {
        if (v.constant()) {
          throw error(a.at(), "'" + rootName(a.target()) + "' is a constant; declare a variable to change it");
        }
        Value updated =
            a.target() instanceof Syntax.Index index
                ? withElement(v.value(), index, value)
                : coerce(new Type(v.kind(), null, null, List.of(), a.at()), v.width(), value, a.at());
        Value old = v.value();
        if (wide != null) {
          throw error(a.at(), "a classical assignment under a condition on more than " + Operators.MAX_DYNAMIC_BITS + " bits is not supported; compare fewer bits");
        }
        Value merged =
            path instanceof Bool
                ? updated
                : Operators.lift(
                    List.of(path, updated, old),
                    x -> Operators.truth(x.get(0), a.at()) ? x.get(1) : x.get(2),
                    a.at());
        scopes.assign(rootName(a.target()), v.with(merged));
      }
      case Binding.Qubits q -> throw error(a.at(), "'" + q.register() + "' holds qubits; assign to classical variables only");
      case Binding.QubitList q -> throw error(a.at(), "'" + rootName(a.target()) + "' holds qubits; assign to classical variables only");
    }
  }

  private Value withElement(Value array, Syntax.Index index, Value element) {
    if (!(array instanceof Value.Array items)) {
      throw error(index.at(), "only arrays and bit registers can be assigned by index");
    }
    int i = (int) Operators.integer(evaluate(index.index()), index.at());
    if (i < 0 || i >= items.items().size()) {
      throw error(index.at(), "index " + i + " is out of range for an array of " + items.items().size());
    }
    List<Value> copy = new ArrayList<>(items.items());
    copy.set(i, element);
    return new Value.Array(copy);
  }

  /** Bits change only by measurement, so a classical store may only restate their initial 0s. */
  private void storeBits(List<Integer> clbits, Value value, Token at) {
    if (!(value instanceof Dynamic)
        && bits.unwritten(clbits)
        && (Operators.integer(value, at) & Operators.mask(clbits.size())) == 0) {
      return;
    }
    throw error(
        at,
        "bits of the circuit change only by measurement, and this sets them to "
            + Value.show(value)
            + "; keep the value in an int or bool variable instead");
  }

  private void branch(Syntax.Expr condition, List<Stmt> then, List<Stmt> otherwise, Token at) {
    Equality equality = equality(condition);
    if (equality != null) {
      if (!otherwise.isEmpty()) {
        throw error(
            at,
            "an 'else' on "
                + equality.clbits().length
                + " bits would hold for all their values but one; compare at most "
                + Operators.MAX_DYNAMIC_BITS
                + " bits, or use no 'else'");
      }
      wide = equality;
      try {
        scoped(then);
      } finally {
        wide = null;
      }
      return;
    }
    if (wide != null) {
      throw error(
          at,
          "a condition inside a condition on more than "
              + Operators.MAX_DYNAMIC_BITS
              + " bits cannot be combined; compare fewer bits");
    }
    Value c = evaluate(condition);
    if (!(c instanceof Dynamic)) {
      scoped(Operators.truth(c, condition.at()) ? then : otherwise);
      return;
    }
    Value outer = path;
    try {
      path = Operators.binary("&&", outer, c, at);
      scoped(then);
      path = Operators.binary("&&", outer, Operators.unary("!", c, at), at);
      scoped(otherwise);
    } finally {
      path = outer;
    }
  }

  /**
   * A condition {@code register == n} on more bits than a table may span, which the circuit holds
   * directly as one equality; null for any other condition or when already under a condition.
   */
  private Equality equality(Syntax.Expr condition) {
    if (!(path instanceof Bool b && b.value())
        || wide != null
        || !(condition instanceof Syntax.Binary eq && eq.op().equals("=="))
        || !(eq.left() instanceof Syntax.Identifier id)
        || !(eq.right() instanceof Syntax.Literal literal)
        || !(scopes.lookup(id.name(), id.at()) instanceof Binding.Clbits c)
        || c.size() <= Operators.MAX_DYNAMIC_BITS) {
      return null;
    }
    long value = Operators.integer(literal.value(), literal.at());
    if (value < 0 || (c.size() < 63 && value >= 1L << c.size())) {
      throw error(literal.at(), "cannot compare " + id.name() + " (" + c.size() + " bits) with " + value);
    }
    List<Integer> clbits = range(c.offset(), c.size());
    return new Equality(
        clbits.stream().mapToInt(Integer::intValue).toArray(),
        clbits.stream().mapToInt(bits::version).toArray(),
        value,
        c.register());
  }

  /** A condition {@code clbits == value} on a whole register, read at {@code versions}. */
  private record Equality(int[] clbits, int[] versions, long value, String register) {}

  private void switchStatement(Syntax.Switch w) {
    Value subject = evaluate(w.subject());
    Value none = new Bool(true);
    for (Syntax.Case k : w.cases()) {
      Value matches = new Bool(false);
      for (Syntax.Expr v : k.values()) {
        Value label = evaluate(v);
        if (label instanceof Dynamic) {
          throw error(v.at(), "a case label must be known before the circuit runs");
        }
        matches = Operators.binary("||", matches, Operators.binary("==", subject, label, v.at()), v.at());
      }
      ifThen(Operators.binary("&&", none, matches, k.at()), k.body(), k.at());
      none = Operators.binary("&&", none, Operators.unary("!", matches, k.at()), k.at());
    }
    ifThen(none, w.otherwise(), w.at());
  }

  private void ifThen(Value condition, List<Stmt> body, Token at) {
    if (!(condition instanceof Dynamic)) {
      if (Operators.truth(condition, at)) {
        scoped(body);
      }
      return;
    }
    Value outer = path;
    try {
      path = Operators.binary("&&", outer, condition, at);
      scoped(body);
    } finally {
      path = outer;
    }
  }

  private void forLoop(Syntax.For f) {
    List<Value> items = iterate(f.iterable());
    loopEntries.push(path);
    try {
      for (Value item : items) {
        scopes.push();
        try {
          Type.Kind kind = f.type() == null ? Type.Kind.INT : f.type().kind();
          scopes.declare(f.variable(), new Binding.Variable(kind, 0, item, false), f.at());
          run(f.body());
        } catch (Jump j) {
          if (j.kind.equals("break")) {
            break;
          } else if (!j.kind.equals("continue")) {
            throw j;
          }
        } finally {
          scopes.pop();
        }
      }
    } finally {
      loopEntries.pop();
    }
  }

  private List<Value> iterate(Syntax.Expr iterable) {
    return switch (iterable) {
      case Syntax.Range r -> {
        if (r.start() == null || r.end() == null) {
          throw error(r.at(), "a loop range needs a start and an end, as in [0:3]");
        }
        long start = Operators.integer(evaluate(r.start()), r.at());
        long step = r.step() == null ? 1 : Operators.integer(evaluate(r.step()), r.at());
        long end = Operators.integer(evaluate(r.end()), r.at());
        if (step == 0) {
          throw error(r.at(), "a range step of 0 never ends; use a step other than 0");
        }
        List<Value> items = new ArrayList<>();
        for (long i = start; step > 0 ? i <= end : i >= end; i += step) {
          if (items.size() >= MAX_STEPS) {
            throw error(r.at(), "the range has more than " + MAX_STEPS + " values; loop over fewer");
          }
          items.add(new Value.Int(i));
        }
        yield items;
      }
      case Syntax.SetLiteral s -> s.items().stream().map(this::evaluate).toList();
      default -> {
        Value v = evaluate(iterable);
        if (v instanceof Value.Array a) {
          yield a.items();
        }
        throw error(iterable.at(), "a for loop runs over a range [a:b], a set {a, b} or an array, not " + Value.show(v));
      }
    };
  }

  private void whileLoop(Syntax.While w) {
    loopEntries.push(path);
    try {
      while (true) {
        Value c = evaluate(w.condition());
        if (c instanceof Dynamic) {
          throw error(
              w.condition().at(),
              "this 'while' condition depends on a measurement, so its number of iterations is"
                  + " known only when the circuit runs, and this reader unrolls loops; bound it:"
                  + " for int i in [1:n] { if (condition) { ... } }");
        }
        if (!Operators.truth(c, w.condition().at())) {
          return;
        }
        if (++steps > MAX_STEPS) {
          throw error(w.at(), "this 'while' loop runs more than " + MAX_STEPS + " times; is it endless?");
        }
        try {
          scoped(w.body());
        } catch (Jump j) {
          if (j.kind.equals("break")) {
            return;
          } else if (!j.kind.equals("continue")) {
            throw j;
          }
        }
      }
    } finally {
      loopEntries.pop();
    }
  }

  private Jump jump(String kind, Token at, Value value) {
    Value entry = kind.equals("return") ? returnEntry : loopEntries.peek();
    if (wide != null || (entry != null && !entry.equals(path))) {
      throw error(
          at,
          "'"
              + kind
              + "' under a condition on a measurement would end the "
              + (kind.equals("return") ? "subroutine" : "loop")
              + " in some runs only, which an unrolled circuit cannot do; put the rest of the body in"
              + " an 'else' instead");
    }
    return new Jump(kind, at, value);
  }

  private Value returnEntry;

  /** break, continue and return unwind the Java stack to their loop or call. */
  private static final class Jump extends RuntimeException {
    final String kind;
    final Token at;
    final Value value;

    Jump(String kind, Token at, Value value) {
      super(kind, null, false, false);
      this.kind = kind;
      this.at = at;
      this.value = value;
    }
  }

  // ---- emission

  /** Adds {@code s}, under the current condition on measured bits if there is one. */
  private void emit(Statement s, List<Integer> writes, Token at) {
    if (wide != null) {
      bits.checkFresh(new Dynamic(wide.clbits(), wide.versions(), new Value[0], null), at);
      List<Operand> operands = new ArrayList<>();
      for (int clbit : wide.clbits()) {
        operands.add(bits.operand(clbit, at));
      }
      out.add(new Statement.Conditioned(operands, List.of(wide.value()), wide.register(), s, at));
      return;
    }
    if (path instanceof Bool b) {
      if (b.value()) {
        out.add(s);
      }
      return;
    }
    Dynamic condition = (Dynamic) path;
    bits.checkFresh(condition, at);
    List<Long> values = new ArrayList<>();
    for (int a = 0; a < condition.table().length; a++) {
      if (Operators.truth(condition.table()[a], at)) {
        values.add((long) a);
      }
    }
    for (int clbit : writes) {
      for (int k = 0; k < condition.clbits().length; k++) {
        if (condition.clbits()[k] == clbit) {
          for (int i = 0; i < values.size(); i++) {
            for (int j = i + 1; j < values.size(); j++) {
              if ((values.get(i) ^ (1L << k)) == values.get(j)) {
                throw error(at, "this measures into a bit that its own condition reads; measure into another bit");
              }
            }
          }
        }
      }
    }
    List<Operand> operands = new ArrayList<>();
    for (int clbit : condition.clbits()) {
      operands.add(bits.operand(clbit, at));
    }
    out.add(new Statement.Conditioned(operands, values, condition.register(), s, at));
  }

  // ---- expressions

  private Value measuredOrValue(Syntax.Expr e) {
    return e instanceof Syntax.Measure m ? measuredValue(m) : evaluate(e);
  }

  Value evaluate(Syntax.Expr e) {
    return switch (e) {
      case Syntax.Literal l -> l.value();
      case Syntax.DurationLiteral d -> new Value.Real(d.amount());
      case Syntax.Identifier id -> switch (scopes.lookup(id.name(), id.at())) {
        case Binding.Variable v -> v.value();
        case Binding.Clbits c -> bits.read(range(c.offset(), c.size()), c.register(), id.at());
        case Binding.Qubits q -> throw error(id.at(), "'" + id.name() + "' holds qubits where a classical value is expected");
        case Binding.QubitList q -> throw error(id.at(), "'" + id.name() + "' holds qubits where a classical value is expected");
      };
      case Syntax.HardwareQubit h -> throw error(h.at(), "a qubit stands where a classical value is expected");
      case Syntax.Index index -> {
        Binding root = scopes.lookup(rootName(index), index.at());
        if (root instanceof Binding.Clbits) {
          yield bits.read(bitsOf(index), null, index.at());
        }
        Value base = evaluate(index.base());
        Value i = evaluate(index.index());
        if (base instanceof Value.Array a) {
          int k = (int) Operators.integer(i, index.at());
          if (k < 0 || k >= a.items().size()) {
            throw error(index.at(), "index " + k + " is out of range for an array of " + a.items().size());
          }
          yield a.items().get(k);
        }
        yield Operators.lift(
            List.of(base, i),
            x -> new Bits(Operators.integer(x.get(0), index.at()) >>> Operators.integer(x.get(1), index.at()) & 1, 1),
            index.at());
      }
      case Syntax.Unary u -> Operators.unary(u.op(), evaluate(u.operand()), u.at());
      case Syntax.Binary b -> Operators.binary(b.op(), evaluate(b.left()), evaluate(b.right()), b.at());
      case Syntax.Call c -> call(c);
      case Syntax.Cast c -> coerce(c.type(), c.type().width() == null ? 0 : size(c.type().width()), evaluate(c.value()), c.at());
      case Syntax.SetLiteral s -> new Value.Array(s.items().stream().map(this::evaluate).toList());
      case Syntax.Measure m -> throw error(m.at(), "'measure' can only stand alone or on the right of '='");
      case Syntax.Range r -> throw error(r.at(), "a range stands only in a for loop or an index");
    };
  }

  private Value call(Syntax.Call c) {
    Syntax.Subroutine def = subroutines.get(c.name());
    if (def == null) {
      if (c.name().equals("sizeof")) {
        Value v = evaluate(c.arguments().getFirst());
        return new Value.Int(v instanceof Value.Array a ? a.items().size() : ((Bits) v).width());
      }
      if (Operators.isFunction(c.name())) {
        return Operators.function(c.name(), c.arguments().stream().map(this::evaluate).toList(), c.at());
      }
      throw error(c.at(), gates.containsKey(c.name())
          ? "gate '" + c.name() + "' needs qubits: " + c.name() + "(...) q;"
          : "unknown subroutine '" + c.name() + "'; define it with 'def' before use");
    }
    if (def.arguments().size() != c.arguments().size()) {
      throw error(c.at(), "subroutine '" + c.name() + "' takes " + def.arguments().size() + " arguments but was given " + c.arguments().size());
    }
    if (++callDepth > MAX_CALL_DEPTH) {
      throw error(c.at(), "subroutine calls nest more than " + MAX_CALL_DEPTH + " deep; is '" + c.name() + "' recursive without end?");
    }
    Map<String, Binding> frame = new HashMap<>();
    for (int i = 0; i < def.arguments().size(); i++) {
      Syntax.Argument a = def.arguments().get(i);
      Syntax.Expr actual = c.arguments().get(i);
      if (a.type().kind() == Type.Kind.QUBIT) {
        frame.put(a.name(), new Binding.QubitList(qubits(actual)));
      } else {
        int width = a.type().width() == null ? 0 : size(a.type().width());
        frame.put(a.name(), new Binding.Variable(a.type().kind(), width, coerce(a.type(), width, evaluate(actual), actual.at()), false));
      }
    }
    Value savedEntry = returnEntry;
    Deque<Value> savedLoops = new ArrayDeque<>(loopEntries);
    loopEntries.clear();
    returnEntry = path;
    scopes.enterCall(frame);
    try {
      run(def.body());
      return new Bool(false);
    } catch (Jump j) {
      if (!j.kind.equals("return")) {
        throw error(j.at, "'" + j.kind + "' outside a loop");
      }
      if (def.result() == null || j.value == null) {
        return new Bool(false);
      }
      int width = def.result().width() == null ? 0 : size(def.result().width());
      return coerce(def.result(), width, j.value, j.at);
    } finally {
      scopes.leaveCall();
      returnEntry = savedEntry;
      loopEntries.addAll(savedLoops);
      callDepth--;
    }
  }

  private Value coerce(Type type, int width, Value v, Token at) {
    return switch (type.kind()) {
      case ARRAY -> {
        if (!(v instanceof Value.Array a)) {
          throw error(at, "expected an array such as {1, 2, 3} but found " + Value.show(v));
        }
        if (type.dimensions().size() == 1 && a.items().size() != size(type.dimensions().getFirst())) {
          throw error(at, "the array has " + a.items().size() + " elements but its type says " + size(type.dimensions().getFirst()));
        }
        Type element = type.element();
        int w = element.width() == null ? 0 : size(element.width());
        yield new Value.Array(a.items().stream().map(x -> coerce(element, w, x, at)).toList());
      }
      case DURATION, STRETCH, COMPLEX -> v;
      default -> Operators.cast(type.kind(), width, v, at);
    };
  }

  private static Value initial(Type type) {
    return switch (type.kind()) {
      case FLOAT, ANGLE, DURATION, STRETCH, COMPLEX -> new Value.Real(0);
      case BOOL -> new Bool(false);
      default -> new Value.Int(0);
    };
  }

  private int size(Syntax.Expr e) {
    long n = Operators.integer(evaluate(e), e.at());
    if (n < 0 || n > Integer.MAX_VALUE) {
      throw error(e.at(), "a size must be from 0 to " + Integer.MAX_VALUE + ", not " + n);
    }
    return (int) n;
  }

  // ---- operands

  private static String rootName(Syntax.Expr e) {
    return switch (e) {
      case Syntax.Identifier id -> id.name();
      case Syntax.Index i -> rootName(i.base());
      default -> throw error(e.at(), "expected a variable or register name");
    };
  }

  /** The qubits an operand names, one flat operand each. */
  private List<Operand> qubits(Syntax.Expr e) {
    return switch (e) {
      case Syntax.HardwareQubit h -> {
        if (virtualQubits) {
          throw error(h.at(), "this program declares qubit registers, so it cannot also address hardware qubits; use one or the other");
        }
        yield List.of(new Operand(HARDWARE_REGISTER, h.index(), h.at()));
      }
      case Syntax.Identifier id -> switch (scopes.lookup(id.name(), id.at())) {
        case Binding.Qubits q -> {
          List<Operand> all = new ArrayList<>();
          for (int i = 0; i < q.size(); i++) {
            all.add(new Operand(q.register(), i, id.at()));
          }
          yield all;
        }
        case Binding.QubitList l -> l.qubits();
        default -> throw error(id.at(), "'" + id.name() + "' is not a qubit or qubit register");
      };
      case Syntax.Index index -> select(qubits(index.base()), index, index.at());
      default -> throw error(e.at(), "expected a qubit or a qubit register");
    };
  }

  /** The global clbits an operand names. */
  private List<Integer> bitsOf(Syntax.Expr e) {
    return switch (e) {
      case Syntax.Identifier id -> {
        if (!(scopes.lookup(id.name(), id.at()) instanceof Binding.Clbits c)) {
          throw error(id.at(), "'" + id.name() + "' is not a bit or bit register; declare it as bit[n]");
        }
        yield range(c.offset(), c.size());
      }
      case Syntax.Index index -> select(bitsOf(index.base()), index, index.at());
      default -> throw error(e.at(), "expected a bit or a bit register");
    };
  }

  private <T> List<T> select(List<T> all, Syntax.Index index, Token at) {
    List<Long> picks = new ArrayList<>();
    switch (index.index()) {
      case Syntax.Range r -> {
        long start = r.start() == null ? 0 : Operators.integer(evaluate(r.start()), at);
        long step = r.step() == null ? 1 : Operators.integer(evaluate(r.step()), at);
        long end = r.end() == null ? all.size() - 1 : Operators.integer(evaluate(r.end()), at);
        if (step == 0) {
          throw error(at, "a range step of 0 never ends; use a step other than 0");
        }
        for (long i = start; step > 0 ? i <= end : i >= end; i += step) {
          picks.add(i);
          if (picks.size() > all.size()) {
            break;
          }
        }
      }
      case Syntax.SetLiteral s -> s.items().forEach(x -> picks.add(Operators.integer(evaluate(x), at)));
      default -> {
        Value v = evaluate(index.index());
        if (v instanceof Dynamic) {
          throw error(at, "an index must be known before the circuit runs, not depend on a measurement");
        }
        picks.add(Operators.integer(v, at));
      }
    }
    List<T> chosen = new ArrayList<>();
    for (long i : picks) {
      long k = i < 0 ? all.size() + i : i;
      if (k < 0 || k >= all.size()) {
        throw error(at, "index " + i + " is out of range: '" + rootName(index) + "' has " + all.size() + " (indices 0.." + (all.size() - 1) + ")");
      }
      chosen.add(all.get((int) k));
    }
    return chosen;
  }

  private static List<Integer> range(int from, int size) {
    List<Integer> r = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      r.add(from + i);
    }
    return r;
  }
}
