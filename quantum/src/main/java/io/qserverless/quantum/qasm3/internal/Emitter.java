package io.qserverless.quantum.qasm3.internal;

import static io.qserverless.quantum.qasm3.internal.Syntax.error;

import io.qserverless.quantum.qasm2.internal.Statement;
import io.qserverless.quantum.qasm2.internal.Statement.Operand;
import io.qserverless.quantum.qasm2.internal.Token;
import io.qserverless.quantum.qasm3.internal.Value.Bool;
import io.qserverless.quantum.qasm3.internal.Value.Dynamic;
import java.util.ArrayList;
import java.util.List;

/**
 * The circuit statements an unrolled program writes, each under the condition on measured bits that
 * holds where it stands ({@link #path()}): true outside branches on measurements, a table over
 * measured bits inside them, or one wide register equality.
 *
 * <p>Each circuit instruction tests its condition when it runs, while the program tested it once at
 * the branch; the two agree while no emitted instruction rewrites the condition's bits, which
 * {@link #emit} checks ({@link BitLedger#checkFresh} and the self-measurement check).
 */
final class Emitter {

  private final List<Statement> out = new ArrayList<>();
  private final BitLedger bits;
  private Value path = new Bool(true);
  private Equality wide;

  Emitter(BitLedger bits) {
    this.bits = bits;
  }

  /** A condition {@code clbits == value} on a whole register, read at {@code versions}. */
  record Equality(int[] clbits, int[] versions, long value, String register) {}

  List<Statement> statements() {
    return out;
  }

  /** The condition the next statements run under: Bool(true) when unconditional. */
  Value path() {
    return path;
  }

  void path(Value condition) {
    path = condition;
  }

  /** The wide register equality the next statements run under, or null. */
  Equality wide() {
    return wide;
  }

  void wide(Equality equality) {
    wide = equality;
  }

  /**
   * Gives the bits of register {@code from} to register {@code to} of the same size: drops the
   * declaration of {@code from} and renames its bits in every statement since. False, changing
   * nothing, when a statement since that declaration touches {@code to}.
   */
  boolean rename(String from, String to) {
    int declared = -1;
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i) instanceof Statement.RegisterDeclaration r
          && !r.quantum()
          && r.name().equals(from)) {
        declared = i;
      }
    }
    if (declared < 0) {
      return false;
    }
    List<Statement> since = out.subList(declared + 1, out.size());
    if (since.stream().anyMatch(s -> touches(s, to))) {
      return false;
    }
    List<Statement> renamed = since.stream().map(s -> renamed(s, from, to)).toList();
    out.subList(declared, out.size()).clear();
    out.addAll(renamed);
    return true;
  }

  private static boolean touches(Statement s, String register) {
    return switch (s) {
      case Statement.Measure m -> m.clbit().register().equals(register);
      case Statement.Conditioned c ->
          c.clbits().stream().anyMatch(o -> o.register().equals(register))
              || touches(c.body(), register);
      default -> false;
    };
  }

  private static Statement renamed(Statement s, String from, String to) {
    return switch (s) {
      case Statement.Measure m ->
          new Statement.Measure(m.qubit(), renamed(m.clbit(), from, to), m.at());
      case Statement.Conditioned c ->
          new Statement.Conditioned(
              c.clbits().stream().map(o -> renamed(o, from, to)).toList(),
              c.values(),
              from.equals(c.register()) ? to : c.register(),
              renamed(c.body(), from, to),
              c.at());
      default -> s;
    };
  }

  private static Operand renamed(Operand o, String from, String to) {
    return o.register().equals(from) ? new Operand(to, o.index(), o.at()) : o;
  }

  /** Adds a declaration, which no condition applies to. */
  void declare(Statement s) {
    out.add(s);
  }

  /** Adds {@code s}, under the current condition on measured bits if there is one. */
  void emit(Statement s, List<Integer> writes, Token at) {
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
                throw error(
                    at,
                    "this measures into a bit that its own condition reads; measure into another bit");
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

  /** Measures each qubit into the bit at the same position. */
  void measureInto(List<Operand> qubits, List<Integer> clbits, Token at) {
    if (qubits.size() != clbits.size()) {
      throw error(
          at,
          "measure needs as many bits as qubits, but got "
              + qubits.size()
              + " qubits and "
              + clbits.size()
              + " bits");
    }
    for (int i = 0; i < qubits.size(); i++) {
      int clbit = clbits.get(i);
      emit(new Statement.Measure(qubits.get(i), bits.operand(clbit, at), at), List.of(clbit), at);
      bits.measured(clbit);
    }
  }
}
