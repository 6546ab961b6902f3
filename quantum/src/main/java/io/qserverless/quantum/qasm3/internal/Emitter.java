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

  private final List<Statement> root = new ArrayList<>();
  private final BitLedger bits;

  /** Where statements go: {@link #root}, or the body of the while loop being collected. */
  private List<Statement> out = root;

  private Value path = new Bool(true);
  private int renames;
  private Equality wide;

  Emitter(BitLedger bits) {
    this.bits = bits;
  }

  /** A condition {@code clbits == value} on a whole register, read at {@code versions}. */
  record Equality(int[] clbits, int[] versions, long value, String register) {}

  List<Statement> statements() {
    return root;
  }

  /**
   * Runs {@code body} with the statements it emits collected in a list of their own, each under the
   * conditions inside the body only (a while loop's body: the loop is conditioned as a whole).
   * Declarations still go to the top, so every register exists before the loop.
   */
  List<Statement> collect(Runnable body) {
    List<Statement> saved = out;
    Value savedPath = path;
    Equality savedWide = wide;
    List<Statement> collected = new ArrayList<>();
    out = collected;
    path = new Bool(true);
    wide = null;
    try {
      body.run();
    } finally {
      out = saved;
      path = savedPath;
      wide = savedWide;
    }
    return collected;
  }

  /**
   * Undoes every statement emitted or declared since (see Unroller#whileLoop): statements are only
   * appended, except by {@link #rename}, after which the undo refuses at {@code at}.
   */
  Runnable snapshot(Token at) {
    int rootSize = root.size();
    List<Statement> target = out;
    int size = out.size();
    int renamesThen = renames;
    return () -> {
      if (renames != renamesThen) {
        throw error(
            at,
            "this loop's first pass gave a subroutine's bits to a register, which cannot be undone"
                + " to repeat the loop in the circuit; assign the subroutine's result inside an"
                + " explicit while loop on the measurement instead");
      }
      root.subList(rootSize, root.size()).clear();
      if (target != root) {
        target.subList(size, target.size()).clear();
      }
    };
  }

  /** Whether statements are being collected for a loop body. */
  boolean collecting() {
    return out != root;
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
    List<Statement> out = root;
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
    renames++;
    return true;
  }

  private static boolean touches(Statement s, String register) {
    return switch (s) {
      case Statement.Measure m -> m.clbit() != null && m.clbit().register().equals(register);
      case Statement.SetBit b -> b.clbit().register().equals(register);
      case Statement.Conditioned c ->
          c.clbits().stream().anyMatch(o -> o.register().equals(register))
              || touches(c.body(), register);
      case Statement.While w ->
          w.clbits().stream().anyMatch(o -> o.register().equals(register))
              || w.body().stream().anyMatch(b -> touches(b, register));
      case Statement.Store st -> st.clbits().stream().anyMatch(o -> o.register().equals(register));
      case Statement.IfElse f ->
          f.clbits().stream().anyMatch(o -> o.register().equals(register))
              || f.then().stream().anyMatch(b -> touches(b, register))
              || f.otherwise().stream().anyMatch(b -> touches(b, register));
      default -> false;
    };
  }

  private static Statement renamed(Statement s, String from, String to) {
    return switch (s) {
      case Statement.Measure m when m.clbit() != null ->
          new Statement.Measure(m.qubit(), renamed(m.clbit(), from, to), m.at());
      case Statement.SetBit b ->
          new Statement.SetBit(renamed(b.clbit(), from, to), b.value(), b.at());
      case Statement.Conditioned c ->
          new Statement.Conditioned(
              c.clbits().stream().map(o -> renamed(o, from, to)).toList(),
              c.values(),
              from.equals(c.register()) ? to : c.register(),
              renamed(c.body(), from, to),
              c.at());
      case Statement.While w ->
          new Statement.While(
              w.clbits().stream().map(o -> renamed(o, from, to)).toList(),
              w.values(),
              from.equals(w.register()) ? to : w.register(),
              w.test(),
              w.body().stream().map(b -> renamed(b, from, to)).toList(),
              w.at());
      case Statement.Store st ->
          new Statement.Store(
              st.var(),
              st.value(),
              st.clbits().stream().map(o -> renamed(o, from, to)).toList(),
              st.at());
      case Statement.IfElse f ->
          new Statement.IfElse(
              f.condition(),
              f.clbits().stream().map(o -> renamed(o, from, to)).toList(),
              f.then().stream().map(b -> renamed(b, from, to)).toList(),
              f.otherwise().stream().map(b -> renamed(b, from, to)).toList(),
              f.at());
      default -> s;
    };
  }

  private static Operand renamed(Operand o, String from, String to) {
    return o.register().equals(from) ? new Operand(to, o.index(), o.at()) : o;
  }

  /** Adds a declaration, which no condition applies to, at the top level. */
  void declare(Statement s) {
    root.add(s);
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
    List<Long> values = satisfying(condition, at);
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
    out.add(
        new Statement.Conditioned(operands(condition, at), values, condition.register(), s, at));
  }

  /** The assignments of the condition's bits under which it is true. */
  static List<Long> satisfying(Dynamic condition, Token at) {
    List<Long> values = new ArrayList<>();
    for (int a = 0; a < condition.table().length; a++) {
      if (Operators.truth(condition.table()[a], at)) {
        values.add((long) a);
      }
    }
    return values;
  }

  /** The condition's bits as operands. */
  List<Operand> operands(Dynamic condition, Token at) {
    List<Operand> operands = new ArrayList<>();
    for (int clbit : condition.clbits()) {
      operands.add(bits.operand(clbit, at));
    }
    return operands;
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
