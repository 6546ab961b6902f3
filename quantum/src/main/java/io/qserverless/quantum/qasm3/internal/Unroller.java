package io.qserverless.quantum.qasm3.internal;

import static io.qserverless.quantum.qasm3.internal.Syntax.error;

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
 * Runs the classical part of an OpenQASM 3 program while reading it, and writes the quantum part as
 * plain circuit statements: loops, subroutine calls and branches on known values are unrolled;
 * branches on measured bits become conditions on those bits, so the simulator follows them exactly,
 * branch by branch.
 *
 * <p>Values computed from measured bits are tables over those bits ({@link Dynamic}). The circuit
 * keeps only each bit's latest value, so a program that needs a bit's earlier value after measuring
 * into it again is refused. A {@code while} whose condition depends on a measurement becomes a loop
 * of the circuit ({@link #dynamicWhile}): its body is unrolled once and repeated while the circuit
 * runs, so classical variables from outside cannot change in it. Timing is accepted and ignored.
 */
public final class Unroller {

  /** Statements run while unrolling, past which the program is taken for an endless loop. */
  static final int MAX_STEPS = 1_000_000;

  static final int MAX_CALL_DEPTH = 64;

  /** The register that hardware qubits {@code $0 .. $n} become. */
  public static final String HARDWARE_REGISTER = "physical";

  private final Function<Syntax.Include, List<Stmt>> includes;
  private final Scopes scopes = new Scopes();
  private final BitLedger bits = new BitLedger();
  private final Emitter emitter = new Emitter(bits);
  private final RuntimeVariables runtime = new RuntimeVariables(emitter, bits);
  private final Operands operands;
  private final Evaluator values;
  private final QuantumOperations quantum;
  private final Declarations declarations;
  private final Map<String, Syntax.Subroutine> subroutines = new HashMap<>();
  private final Map<String, Syntax.GateDefinition> gates = new HashMap<>();
  private final Deque<Loop> loops = new ArrayDeque<>();
  private int steps;
  private int callDepth;

  private Unroller(Function<Syntax.Include, List<Stmt>> includes, boolean hardware) {
    this.includes = includes;
    this.operands = new Operands(scopes, this::evaluate, hardware);
    this.values = new Evaluator(scopes, bits, operands, this::call);
    this.quantum = new QuantumOperations(emitter, bits, operands, values);
    this.declarations = new Declarations(scopes, emitter, bits, operands, values, quantum, runtime);
  }

  /**
   * The circuit statements of {@code program}; {@code includes} parses a user include file. {@code
   * hardwareQubits} is one more than the highest {@code $n} the program names (0 if none).
   */
  public static List<Statement> unroll(
      List<Stmt> program, int hardwareQubits, Function<Syntax.Include, List<Stmt>> includes) {
    Unroller u = new Unroller(includes, hardwareQubits > 0);
    if (hardwareQubits > 0) {
      u.emitter.declare(
          new Statement.RegisterDeclaration(
              true, HARDWARE_REGISTER, hardwareQubits, program.getFirst().at()));
    }
    try {
      u.run(program);
    } catch (Jump j) {
      throw error(j.at, j.kind + " outside a " + (j.kind.equals("return") ? "subroutine" : "loop"));
    }
    return u.emitter.statements();
  }

  private Value evaluate(Syntax.Expr e) {
    return values.evaluate(e);
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
          emitter.declare(new Statement.Include(i.file(), i.at()));
        } else {
          run(includes.apply(i));
        }
      }
      case Syntax.QubitDeclaration q -> declarations.qubits(q);
      case Syntax.Alias a ->
          scopes.declare(a.name(), new Binding.QubitList(operands.qubits(a.target())), a.at());
      case Syntax.Declaration d -> declarations.declare(d);
      case Syntax.GateDefinition g -> {
        if (gates.put(g.name(), g) != null || subroutines.containsKey(g.name())) {
          throw error(g.at(), "gate '" + g.name() + "' is already defined; choose another name");
        }
        quantum.define(g);
      }
      case Syntax.Subroutine d -> {
        if (subroutines.put(d.name(), d) != null || gates.containsKey(d.name())) {
          throw error(d.at(), "'" + d.name() + "' is already defined; choose another name");
        }
      }
      case Syntax.GateCall c -> {
        if (subroutines.containsKey(c.name()) && c.modifiers().isEmpty()) {
          // 'bellprep q;' calls subroutine bellprep with q, as the official examples write it.
          List<Syntax.Expr> args = new ArrayList<>(c.arguments());
          args.addAll(c.operands());
          call(new Syntax.Call(c.name(), args, c.at()));
        } else {
          quantum.gateCall(c);
        }
      }
      case Syntax.MeasureStatement m -> declarations.measure(m);
      case Syntax.Reset r -> {
        for (Operand q : operands.qubits(r.qubit())) {
          emitter.emit(new Statement.Reset(q, r.at()), List.of(), r.at());
        }
      }
      case Syntax.Barrier b -> {
        List<Operand> qubits = new ArrayList<>();
        b.qubits().forEach(q -> qubits.addAll(operands.qubits(q)));
        emitter.emit(new Statement.Barrier(qubits, b.at()), List.of(), b.at());
      }
      case Syntax.Delay d -> quantum.delay(d);
      case Syntax.Assignment a -> declarations.assign(a);
      case Syntax.If i -> branch(i.condition(), i.then(), i.otherwise(), i.at());
      case Syntax.For f -> forLoop(f);
      case Syntax.While w -> whileLoop(w);
      case Syntax.Break b -> jump("break", b.at(), null);
      case Syntax.Continue c -> jump("continue", c.at(), null);
      case Syntax.Return r -> {
        Value value = r.value() == null ? null : measuredOrValue(r.value());
        jump("return", r.at(), value);
      }
      case Syntax.Switch w -> switchStatement(w);
      case Syntax.Block b -> scoped(b.body());
      case Syntax.ExpressionStatement e -> values.evaluate(e.expression());
    }
  }

  private void branch(Syntax.Expr condition, List<Stmt> then, List<Stmt> otherwise, Token at) {
    Emitter.Equality equality = equality(condition);
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
      emitter.wide(equality);
      try {
        scoped(then);
      } finally {
        emitter.wide(null);
      }
      return;
    }
    if (emitter.wide() != null) {
      throw error(
          at,
          "a condition inside a condition on more than "
              + Operators.MAX_DYNAMIC_BITS
              + " bits cannot be combined; compare fewer bits");
    }
    Value c = values.evaluate(condition);
    if (c instanceof Value.Runtime r) {
      runtimeBranch(r, then, otherwise, at);
      return;
    }
    if (!(c instanceof Dynamic)) {
      scoped(Operators.truth(c, condition.at()) ? then : otherwise);
      return;
    }
    Value outer = emitter.path();
    try {
      emitter.path(Operators.binary("&&", outer, c, at));
      scoped(then);
      emitter.path(Operators.binary("&&", outer, Operators.unary("!", c, at), at));
      scoped(otherwise);
    } finally {
      emitter.path(outer);
    }
  }

  /**
   * An {@code if} on a value known only when the circuit runs: an if/else of the circuit, its two
   * bodies unrolled once each. Variables from outside that a body assigns become variables of the
   * circuit first; break and continue stay instructions of the enclosing loop on a measurement.
   */
  private void runtimeBranch(Value.Runtime c, List<Stmt> then, List<Stmt> otherwise, Token at) {
    List<Stmt> both = new ArrayList<>(then);
    both.addAll(otherwise);
    carry(both);
    RuntimeVariables.Local condition = runtime.local(c, at);
    scopes.enterLoop();
    List<Statement> yes;
    List<Statement> no;
    try {
      yes = emitter.collect(() -> runtimeBody(then));
      no = emitter.collect(() -> runtimeBody(otherwise));
    } finally {
      scopes.leaveLoop();
    }
    emitter.emit(
        new Statement.IfElse(condition.expression(), condition.clbits(), yes, no, at),
        List.of(),
        at);
  }

  private void runtimeBody(List<Stmt> body) {
    try {
      scoped(body);
    } catch (Jump j) {
      if (j.kind.equals("return") || loops.peek() == null || !loops.peek().dynamic()) {
        throw error(
            j.at,
            "'"
                + j.kind
                + "' under a condition on a value known only when the circuit runs would end the "
                + (j.kind.equals("return") ? "subroutine" : "loop")
                + " in some runs only, which an unrolled circuit cannot do; use a while loop on"
                + " the measurement");
      }
      // a break or continue of the loop on a measurement: emitted already, the rest never runs
    }
  }

  /**
   * Makes each int, uint or bool variable from outside that {@code body} assigns a variable of the
   * circuit, holding its value now: the body is unrolled once but runs a number of times, or not at
   * all, known only when the circuit runs.
   */
  private void carry(List<Stmt> body) {
    for (Syntax.Assignment a : assignments(body, new ArrayList<>())) {
      String name = Operands.rootName(a.target());
      if (scopes.find(name) instanceof Binding.Variable v
          && !v.constant()
          && !(v.value() instanceof Value.Runtime)) {
        scopes.assign(
            name, v.with(runtime.introduce(name, v.kind(), v.width(), v.value(), a.at())));
      }
    }
  }

  /**
   * Whether {@code e} reads a variable that holds a measured value, even if the condition folds to
   * a known one ({@code i < 10} with {@code i} 0 or 1): the passes then depend on measurements, and
   * the next would combine that reading with a newer one, so the loop must be one of the circuit.
   */
  private boolean readsMeasured(Syntax.Expr e) {
    return switch (e) {
      case Syntax.Identifier id ->
          scopes.find(id.name()) instanceof Binding.Variable v && v.value() instanceof Dynamic;
      case Syntax.Unary u -> readsMeasured(u.operand());
      case Syntax.Binary b -> readsMeasured(b.left()) || readsMeasured(b.right());
      case Syntax.Cast c -> readsMeasured(c.value());
      default -> false;
    };
  }

  private static List<Syntax.Assignment> assignments(
      List<Stmt> body, List<Syntax.Assignment> found) {
    for (Stmt s : body) {
      switch (s) {
        case Syntax.Assignment a -> found.add(a);
        case Syntax.If i -> {
          assignments(i.then(), found);
          assignments(i.otherwise(), found);
        }
        case Syntax.Block b -> assignments(b.body(), found);
        case Syntax.For f -> assignments(f.body(), found);
        case Syntax.While w -> assignments(w.body(), found);
        case Syntax.Switch w -> {
          assignments(w.otherwise(), found);
          w.cases().forEach(k -> assignments(k.body(), found));
        }
        default -> {}
      }
    }
    return found;
  }

  /**
   * A condition {@code register == n} on more bits than a table may span, which the circuit holds
   * directly as one equality; null for any other condition or when already under a condition.
   */
  private Emitter.Equality equality(Syntax.Expr condition) {
    if (!(emitter.path() instanceof Bool b && b.value())
        || emitter.wide() != null
        || !(condition instanceof Syntax.Binary eq && eq.op().equals("=="))
        || !(eq.left() instanceof Syntax.Identifier id)
        || !(eq.right() instanceof Syntax.Literal literal)
        || !(scopes.lookup(id.name(), id.at()) instanceof Binding.Clbits c)
        || c.size() <= Operators.MAX_DYNAMIC_BITS) {
      return null;
    }
    long value = Operators.integer(literal.value(), literal.at());
    if (value < 0 || (c.size() < 63 && value >= 1L << c.size())) {
      throw error(
          literal.at(), "cannot compare " + id.name() + " (" + c.size() + " bits) with " + value);
    }
    List<Integer> clbits = Operands.range(c.offset(), c.size());
    return new Emitter.Equality(
        clbits.stream().mapToInt(Integer::intValue).toArray(),
        clbits.stream().mapToInt(bits::version).toArray(),
        value,
        c.register());
  }

  private void switchStatement(Syntax.Switch w) {
    Value subject = values.evaluate(w.subject());
    if (subject instanceof Value.Runtime && !w.cases().isEmpty()) {
      // if (first case) { ... } else { switch on the other cases }: each test runs only where the
      // cases before it failed, on the subject as it was then
      Syntax.Case first = w.cases().getFirst();
      Syntax.Expr matches = null;
      for (Syntax.Expr label : first.values()) {
        Syntax.Expr equal = new Syntax.Binary("==", w.subject(), label, label.at());
        matches = matches == null ? equal : new Syntax.Binary("||", matches, equal, label.at());
      }
      Syntax.Switch rest =
          new Syntax.Switch(
              w.subject(), w.cases().subList(1, w.cases().size()), w.otherwise(), w.at());
      branch(matches, first.body(), List.of(rest), first.at());
      return;
    }
    Value none = new Bool(true);
    for (Syntax.Case k : w.cases()) {
      Value matches = new Bool(false);
      for (Syntax.Expr v : k.values()) {
        Value label = values.evaluate(v);
        if (label instanceof Dynamic) {
          throw error(v.at(), "a case label must be known before the circuit runs");
        }
        matches =
            Operators.binary("||", matches, Operators.binary("==", subject, label, v.at()), v.at());
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
    Value outer = emitter.path();
    try {
      emitter.path(Operators.binary("&&", outer, condition, at));
      scoped(body);
    } finally {
      emitter.path(outer);
    }
  }

  private void forLoop(Syntax.For f) {
    List<Value> items = iterate(f.iterable());
    loops.push(new Loop(emitter.path(), false, false));
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
      loops.pop();
    }
  }

  private List<Value> iterate(Syntax.Expr iterable) {
    return switch (iterable) {
      case Syntax.Range r -> {
        if (r.start() == null || r.end() == null) {
          throw error(r.at(), "a loop range needs a start and an end, as in [0:3]");
        }
        long start = Operators.integer(values.evaluate(r.start()), r.at());
        long step = r.step() == null ? 1 : Operators.integer(values.evaluate(r.step()), r.at());
        long end = Operators.integer(values.evaluate(r.end()), r.at());
        if (step == 0) {
          throw error(r.at(), "a range step of 0 never ends; use a step other than 0");
        }
        List<Value> items = new ArrayList<>();
        for (long i = start; step > 0 ? i <= end : i >= end; i += step) {
          if (items.size() >= MAX_STEPS) {
            throw error(
                r.at(), "the range has more than " + MAX_STEPS + " values; loop over fewer");
          }
          items.add(new Value.Int(i));
        }
        yield items;
      }
      case Syntax.SetLiteral s -> s.items().stream().map(values::evaluate).toList();
      default -> {
        Value v = values.evaluate(iterable);
        if (v instanceof Value.Array a) {
          yield a.items();
        }
        throw error(
            iterable.at(),
            "a for loop runs over a range [a:b], a set {a, b} or an array, not " + Value.show(v));
      }
    };
  }

  private void whileLoop(Syntax.While w) {
    // A first pass that reaches a break or continue under a measured condition starts over as a
    // loop of the circuit (while (true) { ... if (c) break; }): snapshot what it would undo.
    boolean breaks = breaksOut(w.body());
    if (!breaks && fixed(w.condition()) && !returns(w.body())) {
      Value c = values.evaluate(w.condition());
      if (!(c instanceof Dynamic) && Operators.truth(c, w.condition().at())) {
        throw error(
            w.condition().at(),
            "this 'while' loop never ends: its condition is always true and its body has no"
                + " 'break' or 'return'; add one (if (c) break;) or a condition that changes");
      }
    }
    Runnable undo = breaks ? snapshot(w.at()) : null;
    loops.push(new Loop(emitter.path(), false, undo != null));
    boolean first = true;
    try {
      while (true) {
        Value c = values.evaluate(w.condition());
        boolean measured = c instanceof Dynamic || c instanceof Value.Runtime;
        if (!measured && !Operators.truth(c, w.condition().at())) {
          return;
        }
        if (measured || readsMeasured(w.condition())) {
          // the rest of the passes depend on measurements: a loop of the circuit
          dynamicWhile(w, !measured);
          return;
        }
        if (++steps > MAX_STEPS) {
          throw error(
              w.at(), "this 'while' loop runs more than " + MAX_STEPS + " times; is it endless?");
        }
        try {
          scoped(w.body());
        } catch (Jump j) {
          if (j.kind.equals("break")) {
            return;
          } else if (!j.kind.equals("continue")) {
            throw j;
          }
        } catch (StartOver again) {
          if (!first || again.loop != loops.peek()) {
            throw again;
          }
          undo.run();
          dynamicWhile(w, true);
          return;
        }
        first = false;
        loops.push(new Loop(loops.pop().entry(), false, false));
      }
    } finally {
      loops.pop();
    }
  }

  /** Whether {@code body} has a break or continue of its own loop (not of a loop inside it). */
  private static boolean breaksOut(List<Stmt> body) {
    for (Stmt s : body) {
      boolean found =
          switch (s) {
            case Syntax.Break b -> true;
            case Syntax.Continue c -> true;
            case Syntax.If i -> breaksOut(i.then()) || breaksOut(i.otherwise());
            case Syntax.Block b -> breaksOut(b.body());
            case Syntax.Switch w ->
                breaksOut(w.otherwise()) || w.cases().stream().anyMatch(k -> breaksOut(k.body()));
            default -> false;
          };
      if (found) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code e} can never change: literals and constants only. */
  private boolean fixed(Syntax.Expr e) {
    return switch (e) {
      case Syntax.Literal l -> true;
      case Syntax.Identifier id ->
          scopes.lookup(id.name(), id.at()) instanceof Binding.Variable v && v.constant();
      case Syntax.Unary u -> fixed(u.operand());
      case Syntax.Binary b -> fixed(b.left()) && fixed(b.right());
      case Syntax.Cast c -> fixed(c.value());
      default -> false;
    };
  }

  /** Whether {@code body} holds a return anywhere, loops included. */
  private static boolean returns(List<Stmt> body) {
    for (Stmt s : body) {
      boolean found =
          switch (s) {
            case Syntax.Return r -> true;
            case Syntax.If i -> returns(i.then()) || returns(i.otherwise());
            case Syntax.Block b -> returns(b.body());
            case Syntax.For f -> returns(f.body());
            case Syntax.While w -> returns(w.body());
            case Syntax.Switch w ->
                returns(w.otherwise()) || w.cases().stream().anyMatch(k -> returns(k.body()));
            default -> false;
          };
      if (found) {
        return true;
      }
    }
    return false;
  }

  private Runnable snapshot(Token at) {
    List<Runnable> undo =
        List.of(
            emitter.snapshot(at),
            scopes.snapshot(),
            bits.snapshot(),
            restorer(gates),
            restorer(subroutines));
    return () -> undo.forEach(Runnable::run);
  }

  private static <V> Runnable restorer(Map<String, V> map) {
    Map<String, V> saved = Map.copyOf(map);
    return () -> {
      map.clear();
      map.putAll(saved);
    };
  }

  /** Thrown to a static while loop whose first pass found it must be a loop of the circuit. */
  private static final class StartOver extends RuntimeException {
    final Loop loop;

    StartOver(Loop loop) {
      super("start over", null, false, false);
      this.loop = loop;
    }
  }

  /**
   * A {@code while} whose condition depends on a measurement: a loop of the circuit, which the
   * simulator repeats per branch. Its body is unrolled once, under no condition but its own; inside
   * it every bit counts as measured again (later passes see newer values), variables from outside
   * are fixed, and break/continue become instructions of the circuit.
   */
  private void dynamicWhile(Syntax.While w, boolean always) {
    if (emitter.wide() != null) {
      throw error(
          w.at(),
          "a while loop on a measurement cannot stand under a condition on more than "
              + Operators.MAX_DYNAMIC_BITS
              + " bits; compare fewer bits");
    }
    carry(w.body());
    bits.enterLoop();
    scopes.enterLoop();
    loops.push(new Loop(null, true, false));
    Dynamic condition = null;
    RuntimeVariables.Local test = null;
    List<Statement> body;
    try {
      Value c = values.evaluate(w.condition());
      if (c instanceof Value.Runtime r) {
        test = runtime.local(r, w.condition().at());
      } else if (c instanceof Dynamic d) {
        condition = d;
        bits.checkFresh(condition, w.condition().at());
      } else if (!always) {
        throw error(w.condition().at(), "this 'while' condition changed while it was read");
      }
      body =
          emitter.collect(
              () -> {
                try {
                  scoped(w.body());
                } catch (Jump j) {
                  // an unconditional break or continue (return is refused in here): emitted
                  // already, and the rest of the body never runs
                }
              });
    } finally {
      loops.pop();
      scopes.leaveLoop();
    }
    List<Integer> written = bits.leaveLoop();
    if (test != null) {
      emitter.emit(
          new Statement.While(test.clbits(), List.of(), null, test.expression(), body, w.at()),
          written,
          w.at());
      return;
    }
    if (condition == null) {
      // its condition holds on every pass: the loop ends only by a break
      emitter.emit(
          new Statement.While(List.of(), List.of(), null, null, body, w.at()), written, w.at());
      return;
    }
    List<Long> values = Emitter.satisfying(condition, w.at());
    if (!values.isEmpty()) {
      emitter.emit(
          new Statement.While(
              emitter.operands(condition, w.at()),
              values,
              condition.register(),
              null,
              body,
              w.at()),
          written,
          w.at());
    }
  }

  /**
   * break, continue or return. In a while loop on a measurement, break and continue become
   * instructions of the circuit, under the condition they stand in; elsewhere they unwind the
   * unrolling, which a condition on a measurement cannot do.
   */
  private void jump(String kind, Token at, Value value) {
    if (kind.equals("return")) {
      if (loops.stream().anyMatch(Loop::dynamic)) {
        throw error(
            at,
            "'return' inside a while loop on a measurement would end the subroutine after a number"
                + " of passes known only when the circuit runs; break out of the loop and return"
                + " after it");
      }
    } else if (loops.peek() != null && loops.peek().dynamic()) {
      if (emitter.wide() != null) {
        throw error(
            at,
            "'"
                + kind
                + "' under a condition on more than "
                + Operators.MAX_DYNAMIC_BITS
                + " bits is not supported; compare fewer bits");
      }
      emitter.emit(new Statement.LoopJump(kind.equals("break"), at), List.of(), at);
      if (emitter.path() instanceof Bool b && b.value()) {
        throw new Jump(kind, at, null);
      }
      return;
    }
    Value entry =
        kind.equals("return") ? returnEntry : loops.isEmpty() ? null : loops.peek().entry();
    boolean measured = emitter.wide() != null || (entry != null && !entry.equals(emitter.path()));
    if (measured && !kind.equals("return") && !loops.isEmpty() && loops.peek().startsOver()) {
      throw new StartOver(loops.peek());
    }
    if (measured) {
      throw error(
          at,
          "'"
              + kind
              + "' under a condition on a measurement would end the "
              + (kind.equals("return") ? "subroutine" : "loop")
              + " in some runs only, which an unrolled circuit cannot do; put the rest of the body in"
              + " an 'else' instead, or use a while loop on the measurement");
    }
    throw new Jump(kind, at, value);
  }

  private Value returnEntry;

  /**
   * An enclosing loop: unrolled ({@code entry}: the condition it began under) or dynamic; {@code
   * startsOver}: a static while on its first pass, which a measured break turns dynamic.
   */
  private record Loop(Value entry, boolean dynamic, boolean startsOver) {}

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

  // ---- expressions

  private Value measuredOrValue(Syntax.Expr e) {
    return e instanceof Syntax.Measure m ? quantum.measuredValue(m) : values.evaluate(e);
  }

  /** {@code sizeof(a)} or {@code sizeof(a, k)}: the size of dimension k (default 0). */
  private Value sizeof(Syntax.Call c) {
    Value v = values.evaluate(c.arguments().getFirst());
    long dimension =
        c.arguments().size() > 1
            ? Operators.integer(values.evaluate(c.arguments().get(1)), c.at())
            : 0;
    for (long k = 0; k < dimension && v instanceof Value.Array a && !a.items().isEmpty(); k++) {
      v = a.items().getFirst();
    }
    if (v instanceof Value.Array a) {
      return new Value.Int(a.items().size());
    }
    if (v instanceof Bits b && dimension == 0) {
      return new Value.Int(b.width());
    }
    throw error(c.at(), "sizeof takes an array and one of its dimensions, not " + Value.show(v));
  }

  private Value call(Syntax.Call c) {
    Syntax.Subroutine def = subroutines.get(c.name());
    if (def == null) {
      if (c.name().equals("sizeof")) {
        return sizeof(c);
      }
      if (Operators.isFunction(c.name())) {
        return Operators.function(
            c.name(), c.arguments().stream().map(values::evaluate).toList(), c.at());
      }
      throw error(
          c.at(),
          gates.containsKey(c.name())
              ? "gate '" + c.name() + "' needs qubits: " + c.name() + "(...) q;"
              : "unknown subroutine '" + c.name() + "'; define it with 'def' before use");
    }
    if (def.arguments().size() != c.arguments().size()) {
      throw error(
          c.at(),
          "subroutine '"
              + c.name()
              + "' takes "
              + def.arguments().size()
              + " arguments but was given "
              + c.arguments().size());
    }
    if (++callDepth > MAX_CALL_DEPTH) {
      throw error(
          c.at(),
          "subroutine calls nest more than "
              + MAX_CALL_DEPTH
              + " deep; is '"
              + c.name()
              + "' recursive without end?");
    }
    Map<String, Binding> frame = new HashMap<>();
    for (int i = 0; i < def.arguments().size(); i++) {
      Syntax.Argument a = def.arguments().get(i);
      Syntax.Expr actual = c.arguments().get(i);
      if (a.type().kind() == Type.Kind.QUBIT) {
        frame.put(a.name(), new Binding.QubitList(operands.qubits(actual)));
      } else {
        int width = a.type().width() == null ? 0 : values.size(a.type().width());
        frame.put(
            a.name(),
            new Binding.Variable(
                a.type().kind(),
                width,
                values.coerce(a.type(), width, values.evaluate(actual), actual.at()),
                false));
      }
    }
    Value savedEntry = returnEntry;
    Deque<Loop> savedLoops = new ArrayDeque<>(loops);
    loops.clear();
    returnEntry = emitter.path();
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
      int width = def.result().width() == null ? 0 : values.size(def.result().width());
      return values.coerce(def.result(), width, j.value, j.at);
    } finally {
      scopes.leaveCall();
      returnEntry = savedEntry;
      loops.addAll(savedLoops);
      callDepth--;
      writeBack(def, c, frame);
    }
  }

  /** Mutable array arguments are references: their final values go back to the caller's. */
  private void writeBack(Syntax.Subroutine def, Syntax.Call c, Map<String, Binding> frame) {
    for (int i = 0; i < def.arguments().size(); i++) {
      Syntax.Argument a = def.arguments().get(i);
      if (!a.mutable()) {
        continue;
      }
      Syntax.Expr actual = c.arguments().get(i);
      if (!(actual instanceof Syntax.Identifier id)
          || !(scopes.lookup(id.name(), id.at()) instanceof Binding.Variable v)
          || v.constant()
          || scopes.fixedByLoop(id.name())) {
        throw error(
            actual.at(),
            "a mutable argument is passed by reference: give it the name of an array variable"
                + " the call may change");
      }
      scopes.assign(id.name(), v.with(((Binding.Variable) frame.get(a.name())).value()));
    }
  }

  // ---- operands

}
