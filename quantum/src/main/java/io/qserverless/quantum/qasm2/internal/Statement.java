package io.qserverless.quantum.qasm2.internal;

import io.qserverless.quantum.circuit.ClassicalExpr;
import io.qserverless.quantum.circuit.ClassicalVar;
import io.qserverless.quantum.circuit.Parameter;
import java.util.List;

/**
 * The syntax tree of one OpenQASM 2 or 3 statement, as the {@link Parser} reads it. Every node
 * keeps the token where it starts so that later checks (unknown gate, index out of range) report a
 * line and column too.
 */
public sealed interface Statement {

  /** Where the statement starts. */
  Token at();

  /** A qubit or bit operand: a whole register ({@code index < 0}) or one element of it. */
  record Operand(String register, int index, Token at) {
    public boolean whole() {
      return index < 0;
    }

    @Override
    public String toString() {
      return whole() ? register : register + "[" + index + "]";
    }
  }

  /**
   * A gate modifier of OpenQASM 3: {@code ctrl(n) @}, {@code negctrl(n) @}, {@code inv @}, {@code
   * pow(e) @}.
   */
  record Modifier(Kind kind, Expr argument, Token at) {
    public enum Kind {
      CTRL,
      NEGCTRL,
      INV,
      POW
    }
  }

  /** {@code include "file";}. */
  record Include(String file, Token at) implements Statement {}

  /** {@code qreg q[n];}, {@code qubit[n] q;}, {@code creg c[n];} or {@code bit[n] c;}. */
  record RegisterDeclaration(boolean quantum, String name, int size, Token at)
      implements Statement {}

  /** {@code input float[64] theta;} (OpenQASM 3): a circuit parameter. */
  record InputDeclaration(Parameter parameter, Token at) implements Statement {}

  /** {@code gate name(params) qubits { body }} or, with a null body, {@code opaque ...;}. */
  record GateDefinition(
      String name, List<String> parameters, List<String> qubits, List<Statement> body, Token at)
      implements Statement {
    public boolean opaque() {
      return body == null;
    }
  }

  /**
   * An application {@code modifiers name(arguments) operands;}; also {@code U}, {@code CX}, {@code
   * gphase}.
   */
  record GateCall(
      List<Modifier> modifiers, String name, List<Expr> arguments, List<Operand> operands, Token at)
      implements Statement {}

  /**
   * {@code measure q -> c;} or {@code c = measure q;}; {@code clbit} is null for OpenQASM 3's
   * {@code measure q;}, which discards the result.
   */
  record Measure(Operand qubit, Operand clbit, Token at) implements Statement {}

  /** {@code reset q;}. */
  record Reset(Operand qubit, Token at) implements Statement {}

  /** {@code barrier q, r;}; no operands means every qubit. */
  record Barrier(List<Operand> qubits, Token at) implements Statement {}

  /** {@code delay[duration unit] qubits;} (OpenQASM 3); no qubits means every qubit. */
  record Delay(Expr duration, String unit, List<Operand> qubits, Token at) implements Statement {}

  /**
   * {@code if (c == value) body}: {@code body} runs when the register (or bit) equals {@code
   * value}.
   */
  record If(Operand condition, long value, List<Statement> body, Token at) implements Statement {}

  /**
   * {@code body} under a condition on measured bits (what an OpenQASM 3 {@code if}, {@code else} or
   * {@code switch} on them becomes): it runs when {@code clbits}, read as an integer with the first
   * least significant, equal one of {@code values}. {@code register} names the register whose bits
   * these are when the program compared the register whole, else null.
   */
  record Conditioned(
      List<Operand> clbits, List<Long> values, String register, Statement body, Token at)
      implements Statement {}

  /**
   * A loop on measured bits (what an OpenQASM 3 {@code while} on them becomes): {@code body} runs
   * again while {@code clbits}, read as in {@link Conditioned}, equal one of {@code values}; or,
   * when {@code test} is given, while it is true (its clbit k is {@code clbits} k, values empty).
   */
  record While(
      List<Operand> clbits,
      List<Long> values,
      String register,
      ClassicalExpr test,
      List<Statement> body,
      Token at)
      implements Statement {}

  /**
   * A run-time variable written (OpenQASM 3 {@code tries += 1;} in a measured loop): its clbit k is
   * {@code clbits} k.
   */
  record Store(ClassicalVar var, ClassicalExpr value, List<Operand> clbits, Token at)
      implements Statement {}

  /** An {@code if}/{@code else} on a run-time variable; the condition's clbit k is clbits k. */
  record IfElse(
      ClassicalExpr condition,
      List<Operand> clbits,
      List<Statement> then,
      List<Statement> otherwise,
      Token at)
      implements Statement {}

  /** {@code break} ({@code exits}) or {@code continue} inside a {@link While} body. */
  record LoopJump(boolean exits, Token at) implements Statement {}

  /** {@code c[0] = 1;} (OpenQASM 3): a known value written into one bit. */
  record SetBit(Operand clbit, int value, Token at) implements Statement {}
}
