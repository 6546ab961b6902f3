package io.qserverless.quantum.qasm2.internal;

import io.qserverless.quantum.qasm2.internal.Statement.Operand;
import io.qserverless.quantum.qasm2.internal.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads OpenQASM 2 into {@link Statement}s (OpenQASM 3 has its own parser, in qasm3.internal).
 * Checks only syntax; names, sizes and arities are checked when the statements become a circuit.
 */
public final class Parser {

  private final TokenStream in;
  private final ExpressionParser expressions;

  private Parser(TokenStream in) {
    this.in = in;
    this.expressions = new ExpressionParser(in);
  }

  /** Parses a whole program; an {@code OPENQASM} header is optional but must say 2.0. */
  public static List<Statement> parse(String text, String source) {
    TokenStream in = new TokenStream(Lexer.tokenize(text, source));
    header(in, 2);
    Parser parser = new Parser(in);
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
      case "opaque" -> gateDefinition();
      default -> gateCall();
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

  private Statement gateDefinition() {
    GateHeader head = GateHeader.read(in, "{", ";");
    Token at = head.at();
    String name = head.name();
    List<String> parameters = head.parameters();
    List<String> qubits = head.qubits();
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
    String name = in.identifier("a statement");
    List<Expr> arguments = new ArrayList<>();
    if (in.accept("(") && !in.accept(")")) {
      do {
        arguments.add(expressions.expression());
      } while (in.accept(",") && !in.peek().is(")"));
      in.expect(")");
    }
    List<Operand> operands = operands();
    in.expect(";");
    return new Statement.GateCall(List.of(), name, arguments, operands, at);
  }

  private Statement measureArrow() {
    Token at = in.next();
    Operand qubit = operand();
    in.expect("->");
    Operand clbit = operand();
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
    Operand condition = new Operand(in.identifier("a classical register name"), -1, conditionAt);
    in.expect("==");
    long value = in.integer("an integer to compare with");
    in.expect(")");
    List<Statement> body = new ArrayList<>();
    {
      Token t = in.peek();
      if (t.is("measure")) {
        body.add(measureArrow());
      } else if (t.is("reset")) {
        body.add(reset());
      } else if ((t.is("if")
          || t.is("gate")
          || t.is("opaque")
          || t.is("qreg")
          || t.is("creg")
          || t.is("include")
          || t.is("barrier"))) {
        throw in.expected("a gate, 'measure' or 'reset' after 'if (...)'");
      } else {
        body.add(gateCall());
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
