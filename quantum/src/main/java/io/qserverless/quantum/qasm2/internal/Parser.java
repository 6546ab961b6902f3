package io.qserverless.quantum.qasm2.internal;

import io.qserverless.quantum.qasm2.internal.Statement.Modifier;
import io.qserverless.quantum.qasm2.internal.Statement.Operand;
import io.qserverless.quantum.qasm2.internal.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads OpenQASM 2 or the common subset of OpenQASM 3 into {@link Statement}s. Checks only syntax;
 * names, sizes and arities are checked when the statements become a circuit.
 */
public final class Parser {

  private static final Set<String> MODIFIERS = Set.of("ctrl", "negctrl", "inv", "pow");

  /** OpenQASM 3 statements outside the circuit subset this reader takes. */
  private static final Set<String> UNSUPPORTED =
      Set.of(
          "for",
          "while",
          "def",
          "let",
          "const",
          "int",
          "uint",
          "float",
          "angle",
          "bool",
          "complex",
          "duration",
          "stretch",
          "box",
          "switch",
          "return",
          "extern",
          "defcal",
          "cal",
          "defcalgrammar",
          "output",
          "else",
          "break",
          "continue",
          "end",
          "array",
          "pragma");

  private final TokenStream in;
  private final boolean version3;
  private final ExpressionParser expressions;

  private Parser(TokenStream in, boolean version3) {
    this.in = in;
    this.version3 = version3;
    this.expressions = new ExpressionParser(in, version3);
  }

  /**
   * Parses a whole program. {@code version} (2 or 3) is what the caller reads; an {@code OPENQASM}
   * header, optional for version 2, must declare that version.
   */
  public static List<Statement> parse(String text, String source, int version) {
    TokenStream in = new TokenStream(Lexer.tokenize(text, source));
    header(in, version);
    Parser parser = new Parser(in, version == 3);
    List<Statement> program = new ArrayList<>();
    while (!in.atEnd()) {
      // An empty statement ';' (also after a gate body, 'gate g q {};') is allowed, as by Qiskit.
      if (!in.accept(";")) {
        program.add(parser.statement());
      }
    }
    return program;
  }

  private static void header(TokenStream in, int version) {
    if (!in.peek().is("OPENQASM")) {
      if (version == 3) {
        throw in.expected("the header 'OPENQASM 3.0;'");
      }
      return;
    }
    in.next();
    Token number = in.peek();
    if (number.kind() != Kind.REAL && number.kind() != Kind.INTEGER) {
      throw in.expected("a version number such as " + version + ".0");
    }
    in.next();
    String declared = number.text();
    if (!(declared.equals(version + ".0") || declared.equals(String.valueOf(version)))) {
      throw in.error(
          number,
          "this reader reads OpenQASM "
              + version
              + ".0 but the program declares version "
              + declared
              + "; use Qasm"
              + declared.charAt(0)
              + " for it");
    }
    in.expect(";");
  }

  private Statement statement() {
    Token t = in.peek();
    if (t.kind() != Kind.IDENTIFIER) {
      throw in.expected("a statement");
    }
    return switch (t.text()) {
      case "include" -> include();
      case "qreg", "creg" -> legacyRegister();
      case "gate" -> gateDefinition();
      case "measure" -> measureArrow();
      case "reset" -> reset();
      case "barrier" -> barrier();
      case "if" -> conditional();
      case "opaque" -> {
        if (version3) {
          throw in.error(
              t, "'opaque' is OpenQASM 2 only; declare the gate with a 'gate' body instead");
        }
        yield gateDefinition();
      }
      default -> version3 ? statement3(t) : gateCall();
    };
  }

  private Statement statement3(Token t) {
    if (UNSUPPORTED.contains(t.text())) {
      throw in.error(
          t,
          "'"
              + t.text()
              + "' is outside the OpenQASM 3 subset this reader takes (registers, gates, "
              + "measure, reset, barrier, if, input parameters); rewrite it as plain gates");
    }
    return switch (t.text()) {
      case "qubit", "bit" -> register();
      case "input" -> input();
      case "delay" -> delay();
      default -> in.peek(1).is("=") || in.peek(1).is("[") ? measureAssignment() : gateCall();
    };
  }

  private Statement include() {
    Token at = in.next();
    String file = in.expect(Kind.STRING, "a file name in quotes").text();
    in.expect(";");
    return new Statement.Include(file, at);
  }

  private Statement legacyRegister() {
    Token at = in.next();
    String name = in.identifier("a register name");
    in.expect("[");
    int size = in.integer("a register size");
    in.expect("]");
    in.expect(";");
    return new Statement.RegisterDeclaration(at.is("qreg"), name, size, at);
  }

  /** {@code qubit[n] q;} or {@code qubit q;} (a register of one). */
  private Statement register() {
    Token at = in.next();
    int size = 1;
    if (in.accept("[")) {
      size = in.integer("a register size");
      in.expect("]");
    }
    String name = in.identifier("a register name");
    in.expect(";");
    return new Statement.RegisterDeclaration(at.is("qubit"), name, size, at);
  }

  /** {@code input float[64] name;} or {@code input angle name;}: real-valued parameters only. */
  private Statement input() {
    Token at = in.next();
    Token type = in.peek();
    if (!type.is("float") && !type.is("angle")) {
      throw in.expected("the type 'float' or 'angle' (only real-valued inputs become parameters)");
    }
    in.next();
    if (in.accept("[")) {
      in.integer("a bit width");
      in.expect("]");
    }
    String name = in.identifier("a parameter name");
    in.expect(";");
    return new Statement.InputDeclaration(name, at);
  }

  /** {@code delay[duration unit] qubits;}; no qubits means every qubit. */
  private Statement delay() {
    Token at = in.next();
    in.expect("[");
    Expr duration = expressions.expression();
    String unit = in.identifier("a time unit (dt, ns, us, ms or s)");
    in.expect("]");
    List<Operand> qubits = in.peek().is(";") ? List.of() : operands();
    in.expect(";");
    return new Statement.Delay(duration, unit, qubits, at);
  }

  private Statement gateDefinition() {
    Token at = in.next();
    String name = in.identifier("a gate name");
    List<String> parameters = new ArrayList<>();
    if (in.accept("(") && !in.accept(")")) {
      do {
        parameters.add(in.identifier("a parameter name"));
      } while (in.accept(",") && !in.peek().is(")"));
      in.expect(")");
    }
    List<String> qubits = new ArrayList<>();
    do {
      qubits.add(in.identifier("a qubit name"));
    } while (in.accept(",") && !in.peek().is("{") && !in.peek().is(";"));
    if (at.is("opaque")) {
      in.expect(";");
      return new Statement.GateDefinition(name, parameters, qubits, null, at);
    }
    in.expect("{");
    List<Statement> body = new ArrayList<>();
    while (!in.accept("}")) {
      if (in.atEnd()) {
        throw in.expected("'}' closing the body of gate '" + name + "'");
      }
      body.add(in.peek().is("barrier") ? barrier() : gateCall());
    }
    return new Statement.GateDefinition(name, parameters, qubits, body, at);
  }

  private Statement gateCall() {
    Token at = in.peek();
    List<Modifier> modifiers = version3 ? modifiers() : List.of();
    String name = in.identifier(modifiers.isEmpty() ? "a statement" : "a gate name");
    List<Expr> arguments = new ArrayList<>();
    if (in.accept("(") && !in.accept(")")) {
      do {
        arguments.add(expressions.expression());
      } while (in.accept(",") && !in.peek().is(")"));
      in.expect(")");
    }
    List<Operand> operands = new ArrayList<>();
    if (!(version3 && name.equals("gphase") && in.peek().is(";"))) {
      operands = operands();
    }
    in.expect(";");
    return new Statement.GateCall(modifiers, name, arguments, operands, at);
  }

  private List<Modifier> modifiers() {
    List<Modifier> modifiers = new ArrayList<>();
    while (MODIFIERS.contains(in.peek().text())
        && in.peek().kind() == Kind.IDENTIFIER
        && (in.peek(1).is("@") || in.peek(1).is("("))) {
      Token at = in.next();
      Expr argument = null;
      if (!at.is("inv") && in.accept("(")) {
        argument = expressions.expression();
        in.expect(")");
      } else if (at.is("pow")) {
        throw in.expected("'(' with the power, as in pow(2) @");
      }
      in.expect("@");
      modifiers.add(new Modifier(Modifier.Kind.valueOf(at.text().toUpperCase()), argument, at));
    }
    return modifiers;
  }

  private Statement measureArrow() {
    Token at = in.next();
    Operand qubit = operand();
    in.expect("->");
    Operand clbit = operand();
    in.expect(";");
    return new Statement.Measure(qubit, clbit, at);
  }

  private Statement measureAssignment() {
    Token at = in.peek();
    Operand clbit = operand();
    in.expect("=");
    in.expect("measure");
    Operand qubit = operand();
    in.expect(";");
    return new Statement.Measure(qubit, clbit, at);
  }

  private Statement reset() {
    Token at = in.next();
    Operand qubit = operand();
    in.expect(";");
    return new Statement.Reset(qubit, at);
  }

  private Statement barrier() {
    Token at = in.next();
    List<Operand> qubits = in.peek().is(";") ? List.of() : operands();
    in.expect(";");
    return new Statement.Barrier(qubits, at);
  }

  private Statement conditional() {
    Token at = in.next();
    in.expect("(");
    Token conditionAt = in.peek();
    Operand condition =
        version3
            ? operand()
            : new Operand(in.identifier("a classical register name"), -1, conditionAt);
    in.expect("==");
    long value = in.integer("an integer to compare with");
    in.expect(")");
    List<Statement> body = new ArrayList<>();
    if (version3 && in.accept("{")) {
      while (!in.accept("}")) {
        if (in.atEnd()) {
          throw in.expected("'}' closing the body of 'if'");
        }
        body.add(statement());
      }
    } else {
      Token t = in.peek();
      if (t.is("measure")) {
        body.add(measureArrow());
      } else if (t.is("reset")) {
        body.add(reset());
      } else if (!version3
          && (t.is("if")
              || t.is("gate")
              || t.is("opaque")
              || t.is("qreg")
              || t.is("creg")
              || t.is("include")
              || t.is("barrier"))) {
        throw in.expected("a gate, 'measure' or 'reset' after 'if (...)'");
      } else {
        body.add(version3 ? statement() : gateCall());
      }
    }
    return new Statement.If(condition, value, body, at);
  }

  private List<Operand> operands() {
    List<Operand> operands = new ArrayList<>();
    do {
      operands.add(operand());
    } while (in.accept(",") && !in.peek().is(";"));
    return operands;
  }

  private Operand operand() {
    Token at = in.peek();
    String name = in.identifier("a qubit or bit (register or register[index])");
    int index = -1;
    if (in.accept("[")) {
      index = in.integer("an index");
      in.expect("]");
    }
    return new Operand(name, index, at);
  }
}
