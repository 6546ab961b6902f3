package io.qserverless.quantum.qasm3.internal;

import static io.qserverless.quantum.qasm3.internal.Syntax.error;

import io.qserverless.quantum.circuit.ClassicalVar;
import io.qserverless.quantum.circuit.Parameter;
import io.qserverless.quantum.qasm2.internal.Statement;
import io.qserverless.quantum.qasm2.internal.Statement.Operand;
import io.qserverless.quantum.qasm2.internal.Token;
import io.qserverless.quantum.qasm3.internal.Syntax.Type;
import io.qserverless.quantum.qasm3.internal.Value.Bool;
import io.qserverless.quantum.qasm3.internal.Value.Dynamic;
import java.util.ArrayList;
import java.util.List;

/**
 * Declarations and assignments while a program is unrolled: qubit and bit registers become circuit
 * registers, {@code input float} a circuit parameter, other classical types variables whose values
 * the unroller computes. An assignment under a condition on measured bits keeps the old value where
 * the condition fails, so the variable becomes a table over those bits.
 */
final class Declarations {

  private final Scopes scopes;
  private final Emitter emitter;
  private final BitLedger bits;
  private final Operands operands;
  private final Evaluator values;
  private final QuantumOperations quantum;
  private final RuntimeVariables runtime;

  Declarations(
      Scopes scopes,
      Emitter emitter,
      BitLedger bits,
      Operands operands,
      Evaluator values,
      QuantumOperations quantum,
      RuntimeVariables runtime) {
    this.scopes = scopes;
    this.emitter = emitter;
    this.bits = bits;
    this.operands = operands;
    this.values = values;
    this.quantum = quantum;
    this.runtime = runtime;
  }

  /** {@code qubit[n] q;}: a quantum register of the circuit. */
  void qubits(Syntax.QubitDeclaration q) {
    operands.declaringQubits(q.at());
    int size = q.size() == null ? 1 : values.size(q.size());
    scopes.declare(q.name(), new Binding.Qubits(q.name(), size, q.size() == null), q.at());
    emitter.declare(new Statement.RegisterDeclaration(true, q.name(), size, q.at()));
  }

  /** A classical declaration: a circuit parameter, bit register, or variable. */
  void declare(Syntax.Declaration d) {
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
      scopes.declare(
          d.name(), new Binding.Variable(type.kind(), 0, new Value.Symbolic(p), true), d.at());
      emitter.declare(new Statement.InputDeclaration(p, d.at()));
      return;
    }
    if (type.kind() == Type.Kind.BIT) {
      declareBits(d);
      return;
    }
    if (type.kind() == Type.Kind.QUBIT) {
      throw error(d.at(), "declare qubits with 'qubit[n] name;'");
    }
    int width = type.width() == null ? 0 : values.size(type.width());
    Value value;
    if (d.init() == null) {
      if (d.constant()) {
        throw error(
            d.at(),
            "constant '" + d.name() + "' needs a value: const ... " + d.name() + " = value;");
      }
      value = values.coerce(type, width, values.initial(type), d.at());
    } else if (d.init() instanceof Syntax.Measure) {
      throw error(
          d.init().at(), "a measurement gives bits; declare '" + d.name() + "' as bit or bit[n]");
    } else {
      Value init = values.evaluate(d.init());
      value =
          init instanceof Value.Runtime && !d.constant()
              // the circuit computes it: a variable of the circuit, its type kept by the store
              ? runtime.introduce(d.name(), type.kind(), width, init, d.init().at())
              : values.coerce(type, width, init, d.init().at());
    }
    if (d.constant()
        && (value instanceof Dynamic
            || value instanceof Value.Symbolic
            || value instanceof Value.Runtime)) {
      throw error(
          d.at(),
          "constant '"
              + d.name()
              + "' must be known before the circuit runs, not depend on a measurement or input");
    }
    scopes.declare(d.name(), new Binding.Variable(type.kind(), width, value, d.constant()), d.at());
  }

  /** A bit declaration is a classical register of the circuit: its bits are the results. */
  private void declareBits(Syntax.Declaration d) {
    int size = d.type().width() == null ? 1 : values.size(d.type().width());
    String name = bits.uniqueName(d.name(), scopes.isGlobal());
    int offset = bits.add(name, size);
    emitter.declare(new Statement.RegisterDeclaration(false, name, size, d.at()));
    scopes.declare(
        d.name(), new Binding.Clbits(name, offset, size, d.type().width() == null), d.at());
    if (d.init() instanceof Syntax.Measure m) {
      quantum.measure(m.qubit(), new Syntax.Identifier(d.name(), d.at()), m.at());
    } else if (d.init() != null) {
      Value value = values.evaluate(d.init());
      if (!adopt(d.name(), (Binding.Clbits) scopes.lookup(d.name(), d.at()), value)) {
        storeBits(operands.bits(new Syntax.Identifier(d.name(), d.at())), value, d.init().at());
      }
    }
  }

  /** {@code target = value;} or a compound assignment; under a measured condition, a select. */
  void assign(Syntax.Assignment a) {
    Binding target = scopes.lookup(Operands.rootName(a.target()), a.target().at());
    Value value = values.evaluate(a.value());
    if (!a.op().equals("=")) {
      String op = a.op().substring(0, a.op().length() - 1);
      value = Operators.binary(op, values.evaluate(a.target()), value, a.at());
    }
    switch (target) {
      case Binding.Clbits c -> {
        if (!(a.op().equals("=")
            && a.target() instanceof Syntax.Identifier id
            && adopt(id.name(), c, value))) {
          storeBits(operands.bits(a.target()), value, a.value().at());
        }
      }
      case Binding.Variable v -> {
        if (v.constant()) {
          throw error(
              a.at(),
              "'"
                  + Operands.rootName(a.target())
                  + "' is a constant; declare a variable to change it");
        }
        ClassicalVar var = RuntimeVariables.variable(v.value());
        if (var != null) {
          if (a.target() instanceof Syntax.Index) {
            throw error(
                a.at(),
                "'"
                    + var.name()
                    + "' changes while the circuit runs, so its bits cannot be set one by one;"
                    + " assign it whole");
          }
          runtime.store(var, value, a.at());
          return;
        }
        if (value instanceof Value.Runtime && a.target() instanceof Syntax.Identifier id) {
          becomeRuntime(id.name(), v, value, a.at());
          return;
        }
        if (scopes.fixedByLoop(Operands.rootName(a.target()))) {
          throw error(a.at(), fixedByLoop(Operands.rootName(a.target())));
        }
        Value updated =
            a.target() instanceof Syntax.Index index
                ? withElement(index, value)
                : values.coerce(
                    new Type(v.kind(), null, null, List.of(), a.at()), v.width(), value, a.at());
        store(Operands.rootName(a.target()), v, updated, a.at());
      }
      case Binding.Qubits q ->
          throw error(
              a.at(), "'" + q.register() + "' holds qubits; assign to classical variables only");
      case Binding.QubitList q ->
          throw error(
              a.at(),
              "'"
                  + Operands.rootName(a.target())
                  + "' holds qubits; assign to classical variables only");
    }
  }

  /**
   * A known variable given a value known only when the circuit runs: it becomes a variable of the
   * circuit holding {@code value}; under a condition, holding its old value first in every run.
   */
  private void becomeRuntime(String name, Binding.Variable v, Value value, Token at) {
    if (v.constant() || scopes.fixedByLoop(name)) {
      throw error(at, fixedByLoop(name));
    }
    Value condition = emitter.path();
    if (condition instanceof Bool && emitter.wide() == null) {
      scopes.assign(name, v.with(runtime.introduce(name, v.kind(), v.width(), value, at)));
      return;
    }
    emitter.path(new Bool(true));
    Value.Runtime read;
    try {
      read = runtime.introduce(name, v.kind(), v.width(), v.value(), at);
    } finally {
      emitter.path(condition);
    }
    scopes.assign(name, v.with(read));
    runtime.store(RuntimeVariables.variable(read), value, at);
  }

  /**
   * Sets variable {@code name}; under a condition on measured bits, a select with its old value.
   */
  private void store(String name, Binding.Variable v, Value updated, Token at) {
    if (emitter.wide() != null) {
      throw error(
          at,
          "a classical assignment under a condition on more than "
              + Operators.MAX_DYNAMIC_BITS
              + " bits is not supported; compare fewer bits");
    }
    Value old = v.value();
    Value merged =
        emitter.path() instanceof Bool
            ? updated
            : Operators.lift(
                List.of(emitter.path(), updated, old),
                x -> Operators.truth(x.get(0), at) ? x.get(1) : x.get(2),
                at);
    scopes.assign(name, v.with(merged));
  }

  /**
   * {@code c[0] = measure q;} into bits of a sized int, uint or angle variable (as iterative phase
   * estimation writes it): the circuit keeps results only in bits, so each such measurement gets a
   * bit register of its own ({@code c_bits}, {@code c_bits_1}, ...) and the variable becomes a
   * function of those bits, its other bits kept.
   */
  void measure(Syntax.MeasureStatement m) {
    Syntax.Expr target = m.target();
    if (target == null
        || !(scopes.lookup(Operands.rootName(target), target.at()) instanceof Binding.Variable v)) {
      quantum.measure(m.qubit(), target, m.at());
      return;
    }
    String name = Operands.rootName(target);
    if (v.constant()
        || v.width() == 0
        || !List.of(Type.Kind.INT, Type.Kind.UINT, Type.Kind.ANGLE).contains(v.kind())) {
      throw error(
          target.at(),
          "'"
              + name
              + "' is not a bit or bit register, nor a sized int, uint or angle variable; declare"
              + " it as bit[n]");
    }
    if (scopes.fixedByLoop(name)) {
      throw error(target.at(), fixedByLoop(name));
    }
    List<Integer> positions = operands.positions(target, v.width());
    List<Operand> qubits = operands.qubits(m.qubit());
    String register = bits.uniqueName(name + "_bits", false);
    int offset = bits.add(register, positions.size());
    emitter.declare(new Statement.RegisterDeclaration(false, register, positions.size(), m.at()));
    emitter.measureInto(qubits, Operands.range(offset, positions.size()), m.at());
    Value measured = bits.read(Operands.range(offset, positions.size()), register, m.at());
    Value updated =
        Operators.lift(
            List.of(v.value(), measured),
            x -> withBits(v, x.get(0), positions, Operators.integer(x.get(1), m.at()), m.at()),
            m.at());
    store(name, v, updated, m.at());
  }

  /** {@code value} with its bits at {@code positions} replaced by those of {@code bits}. */
  private Value withBits(
      Binding.Variable v, Value value, List<Integer> positions, long bits, Token at) {
    long pattern = Operators.integer(value, at);
    for (int i = 0; i < positions.size(); i++) {
      long bit = 1L << positions.get(i);
      pattern = (bits >>> i & 1) == 1 ? pattern | bit : pattern & ~bit;
    }
    return v.kind() == Type.Kind.ANGLE
        ? new Value.Angle(pattern & Operators.mask(v.width()), v.width())
        : Operators.cast(v.kind(), v.width(), new Value.Int(pattern), at);
  }

  private static String fixedByLoop(String name) {
    return "'"
        + name
        + "' is declared outside this while loop or if on a value known only when the circuit"
        + " runs, and cannot change in it: only int, uint and bool variables assigned in the loop"
        + " itself become variables of the circuit; assign it in the loop, or carry it in bits";
  }

  /**
   * The whole variable after {@code index = element}: the element, or a slice's elements, replaced
   * at each level of nested indexing ({@code a[3, 0]}, {@code a[0:1] = b[2:3]}).
   */
  private Value withElement(Syntax.Index index, Value element) {
    if (!(values.evaluate(index.base()) instanceof Value.Array items)) {
      throw error(index.at(), "only arrays and bit registers can be assigned by index");
    }
    List<Integer> positions =
        operands.select(Operands.range(0, items.items().size()), index, index.at());
    List<Value> copy = new ArrayList<>(items.items());
    if (index.index() instanceof Syntax.Range || index.index() instanceof Syntax.SetLiteral) {
      if (!(element instanceof Value.Array slice) || slice.items().size() != positions.size()) {
        throw error(
            index.at(),
            "a slice of "
                + positions.size()
                + " elements takes an array of as many, not "
                + Value.show(element));
      }
      for (int k = 0; k < positions.size(); k++) {
        copy.set(positions.get(k), slice.items().get(k));
      }
    } else {
      copy.set(positions.getFirst(), element);
    }
    Value updated = new Value.Array(copy);
    return index.base() instanceof Syntax.Index outer ? withElement(outer, updated) : updated;
  }

  /**
   * {@code target = f(...);} where {@code f} returned the bits of a register of its own: the
   * circuit cannot copy bits, but that register is out of scope, so when nothing has touched the
   * target since it was declared, its bits become the target's (the measurements that wrote them
   * now write the target). Returns false, changing nothing, in every other case.
   */
  private boolean adopt(String name, Binding.Clbits target, Value value) {
    if (!(value instanceof Dynamic d)
        || emitter.collecting()
        || d.register() == null
        || d.register().equals(target.register())
        || d.clbits().length != target.size()
        || scopes.bindsRegister(d.register())
        || !bits.fresh(d)) {
      return false;
    }
    for (int i = 0; i < d.clbits().length; i++) {
      if (d.clbits()[i] != d.clbits()[0] + i) {
        return false;
      }
    }
    for (int a = 0; a < d.table().length; a++) {
      if (!d.table()[a].equals(new Value.Bits(a, target.size()))) {
        return false;
      }
    }
    if (!emitter.rename(d.register(), target.register())) {
      return false;
    }
    bits.adopt(d.clbits(), target.register(), Operands.range(target.offset(), target.size()));
    scopes.assign(
        name, new Binding.Clbits(target.register(), d.clbits()[0], target.size(), target.scalar()));
    return true;
  }

  /**
   * {@code bits = value}: a known value is written bit by bit; one computed from measured bits is
   * copied, each target bit set to 1 under the values that give it 1 and to 0 under the others.
   */
  private void storeBits(List<Integer> clbits, Value value, Token at) {
    if (!(value instanceof Dynamic d)) {
      long v = Operators.integer(value, at) & Operators.mask(clbits.size());
      for (int i = 0; i < clbits.size(); i++) {
        int one = (int) (v >>> i & 1);
        // a bit no measurement or store has written holds 0 already
        if (one == 1 || !bits.unwritten(List.of(clbits.get(i)))) {
          setBit(clbits.get(i), one, at);
        }
      }
      return;
    }
    for (int source : d.clbits()) {
      if (clbits.contains(source)) {
        throw error(
            at,
            "this sets bits from a value computed from those same bits, which the circuit copies"
                + " one bit at a time; compute it into other bits first");
      }
    }
    if (emitter.wide() != null) {
      throw error(
          at,
          "bits set from a measurement cannot stand under a condition on more than "
              + Operators.MAX_DYNAMIC_BITS
              + " bits; compare fewer bits");
    }
    Value outer = emitter.path();
    try {
      for (int i = 0; i < clbits.size(); i++) {
        int bit = i;
        Value one =
            Operators.lift(
                List.of(d), x -> new Bool((Operators.integer(x.get(0), at) >>> bit & 1) == 1), at);
        for (int target = 1; target >= 0; target--) {
          Value when = target == 1 ? one : Operators.unary("!", one, at);
          emitter.path(Operators.binary("&&", outer, when, at));
          setBit(clbits.get(i), target, at);
        }
      }
    } finally {
      emitter.path(outer);
    }
  }

  private void setBit(int clbit, int value, Token at) {
    emitter.emit(new Statement.SetBit(bits.operand(clbit, at), value, at), List.of(clbit), at);
    bits.measured(clbit);
  }
}
