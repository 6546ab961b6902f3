package io.qserverless.quantum.qasm3.internal;

import static io.qserverless.quantum.qasm3.internal.Syntax.error;

import io.qserverless.quantum.qasm2.internal.Statement.Operand;
import io.qserverless.quantum.qasm2.internal.Token;
import io.qserverless.quantum.qasm3.internal.Value.Dynamic;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Resolves qubit and bit operands ({@code q}, {@code q[1]}, {@code q[0:2]}, {@code q[{0, 3}]},
 * {@code $2}, subroutine arguments, aliases) to single qubits and global clbits. Indices must be
 * known while reading.
 */
final class Operands {

  private final Scopes scopes;
  private final Function<Syntax.Expr, Value> values;
  private final boolean hardware;
  private boolean virtual;

  Operands(Scopes scopes, Function<Syntax.Expr, Value> values, boolean hardware) {
    this.scopes = scopes;
    this.values = values;
    this.hardware = hardware;
  }

  /** Refuses a qubit declaration in a program that addresses hardware qubits. */
  void declaringQubits(Token at) {
    if (hardware) {
      throw error(
          at,
          "this program addresses hardware qubits ($0, $1, ...), so it cannot also declare qubit"
              + " registers; use one or the other");
    }
    virtual = true;
  }

  private Value evaluate(Syntax.Expr e) {
    return values.apply(e);
  }

  /** The qubits an operand names, one flat operand each. */
  List<Operand> qubits(Syntax.Expr e) {
    return switch (e) {
      case Syntax.HardwareQubit h -> {
        if (virtual) {
          throw error(
              h.at(),
              "this program declares qubit registers, so it cannot also address hardware qubits; use one or the other");
        }
        yield List.of(new Operand(Unroller.HARDWARE_REGISTER, h.index(), h.at()));
      }
      case Syntax.Identifier id ->
          switch (scopes.lookup(id.name(), id.at())) {
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
  List<Integer> bits(Syntax.Expr e) {
    return switch (e) {
      case Syntax.Identifier id -> {
        if (!(scopes.lookup(id.name(), id.at()) instanceof Binding.Clbits c)) {
          throw error(
              id.at(), "'" + id.name() + "' is not a bit or bit register; declare it as bit[n]");
        }
        yield range(c.offset(), c.size());
      }
      case Syntax.Index index -> select(bits(index.base()), index, index.at());
      default -> throw error(e.at(), "expected a bit or a bit register");
    };
  }

  /** The bit positions {@code target} names in a classical variable of {@code width} bits. */
  List<Integer> positions(Syntax.Expr target, int width) {
    return target instanceof Syntax.Index index
        ? select(range(0, width), index, index.at())
        : range(0, width);
  }

  /**
   * The items {@code index} picks from {@code all}: one, a range or a set (negative from the end).
   */
  <T> List<T> select(List<T> all, Syntax.Index index, Token at) {
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
      case Syntax.SetLiteral s ->
          s.items().forEach(x -> picks.add(Operators.integer(evaluate(x), at)));
      default -> {
        Value v = evaluate(index.index());
        if (v instanceof Dynamic) {
          throw error(
              at, "an index must be known before the circuit runs, not depend on a measurement");
        }
        picks.add(Operators.integer(v, at));
      }
    }
    List<T> chosen = new ArrayList<>();
    for (long i : picks) {
      long k = i < 0 ? all.size() + i : i;
      if (k < 0 || k >= all.size()) {
        throw error(
            at,
            "index "
                + i
                + " is out of range: '"
                + rootName(index)
                + "' has "
                + all.size()
                + " (indices 0.."
                + (all.size() - 1)
                + ")");
      }
      chosen.add(all.get((int) k));
    }
    return chosen;
  }

  static String rootName(Syntax.Expr e) {
    return switch (e) {
      case Syntax.Identifier id -> id.name();
      case Syntax.Index i -> rootName(i.base());
      default -> throw error(e.at(), "expected a variable or register name");
    };
  }

  static List<Integer> range(int from, int size) {
    List<Integer> r = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      r.add(from + i);
    }
    return r;
  }
}
