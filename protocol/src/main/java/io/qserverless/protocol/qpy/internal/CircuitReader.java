package io.qserverless.protocol.qpy.internal;

import io.qserverless.protocol.qpy.QpyException;
import io.qserverless.protocol.value.ValueEncodingException;
import io.qserverless.protocol.value.Values;
import io.qserverless.quantum.circuit.Barrier;
import io.qserverless.quantum.circuit.CircuitInstruction;
import io.qserverless.quantum.circuit.ClassicalRegister;
import io.qserverless.quantum.circuit.Condition;
import io.qserverless.quantum.circuit.Delay;
import io.qserverless.quantum.circuit.GateDefinition;
import io.qserverless.quantum.circuit.Measure;
import io.qserverless.quantum.circuit.Operation;
import io.qserverless.quantum.circuit.ParameterExpression;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.circuit.QuantumRegister;
import io.qserverless.quantum.circuit.Register;
import io.qserverless.quantum.circuit.Reset;
import io.qserverless.quantum.circuit.StandardGate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one circuit payload of QPY 13–17 (HEADER_V12, METADATA, REGISTERS, ANNOTATION_HEADER from
 * 15, STANDALONE_VARS, CUSTOM_DEFINITIONS, INSTRUCTIONS, CALIBRATIONS, LAYOUT) into a {@link
 * QuantumCircuit}, refusing what the Java model cannot hold exactly.
 *
 * <p>Dropped on purpose because they do not change what the circuit does: instruction labels and a
 * transpiled circuit's layout (the physical qubits stay the circuit's qubits). Qiskit stores no
 * unit for a {@code Delay} in these versions and reads every delay as {@code dt}; so does this
 * reader. Not thread-safe: one reader per payload.
 */
final class CircuitReader {
  private static final int MAX_DEPTH = 16;
  private static final Set<String> CONTROL_FLOW =
      Set.of(
          "IfElseOp",
          "WhileLoopOp",
          "ForLoopOp",
          "SwitchCaseOp",
          "BreakLoopOp",
          "ContinueLoopOp",
          "BoxOp");

  private final int version;
  private final int depth;
  private final Parameters values;

  CircuitReader(int version, int depth) {
    if (depth > MAX_DEPTH) {
      throw new QpyException(
          "QPY custom gate definitions nest deeper than "
              + MAX_DEPTH
              + " levels: flatten the circuit (qc.decompose()) before sending it");
    }
    this.version = version;
    this.depth = depth;
    this.values = new Parameters(version);
  }

  private record RegisterRecord(char kind, String name, long[] bits, boolean inCircuit) {}

  private record Custom(
      String key,
      char type,
      int numQubits,
      int numClbits,
      QpyInput definition,
      long numCtrlQubits,
      long ctrlState) {}

  QuantumCircuit read(QpyInput in) {
    int nameSize = in.u16("circuit name size");
    char phaseType = in.ascii("global phase type");
    int phaseSize = in.u16("global phase size");
    int numQubits = in.index32("qubit count");
    int numClbits = in.index32("clbit count");
    long metadataSize = in.i64("metadata size");
    long numRegisters = in.u32("register count");
    long numInstructions = in.i64("instruction count");
    long numVars = in.u32("variable count");
    String name = in.utf8(nameSize, "circuit name");
    ParameterExpression phase =
        values.read(phaseType, in.slice(phaseSize, "global phase"), false, "the global phase");
    String metadata = in.utf8(metadataSize, "circuit metadata");
    List<RegisterRecord> records = new ArrayList<>();
    for (int i = in.count(numRegisters, 9, "registers"); i > 0; i--) {
      records.add(readRegister(in));
    }
    if (numVars > 0) {
      throw QpyException.unsupported("classical variables (expr.Var / Stretch)", version);
    }
    if (version >= 15) {
      for (int i = in.count(in.u32("annotation namespace count"), 12, "annotation namespaces");
          i > 0;
          i--) {
        long namespaceSize = in.u32("annotation namespace size");
        long stateSize = in.i64("annotation state size");
        in.skip(namespaceSize, "annotation namespace");
        in.skip(stateSize, "annotation state");
      }
    }
    Map<String, Custom> customs = new HashMap<>();
    for (int i = in.count(in.i64("custom definition count"), 31, "custom definitions");
        i > 0;
        i--) {
      Custom c = readCustom(in);
      customs.put(c.key, c);
    }
    QuantumCircuit qc = new QuantumCircuit(registers(records, numQubits, numClbits));
    qc.setName(name);
    qc.setMetadata(metadata(metadata));
    Map<String, ClassicalRegister> cregs = new HashMap<>();
    for (ClassicalRegister c : qc.cregs()) {
      cregs.put(c.name(), c);
    }
    Map<String, GateDefinition> definitions = new HashMap<>();
    for (int i = in.count(numInstructions, 29, "instructions"); i > 0; i--) {
      phase = readInstruction(in, qc, cregs, customs, definitions, phase);
    }
    qc.setGlobalPhase(phase);
    if (in.u16("calibration count") != 0) {
      throw QpyException.unsupported("pulse calibrations", version);
    }
    skipLayout(in);
    return qc;
  }

  private RegisterRecord readRegister(QpyInput in) {
    char kind = in.ascii("register type");
    in.bool("register standalone flag");
    long size = in.u32("register size");
    int nameSize = in.u16("register name size");
    boolean inCircuit = in.bool("register in-circuit flag");
    String name = in.utf8(nameSize, "register name");
    long[] bits = new long[in.count(size, 8, "register bits")];
    for (int i = 0; i < bits.length; i++) {
      bits[i] = in.i64("register bit index");
    }
    if (kind != 'q' && kind != 'c') {
      throw new QpyException(
          "QPY register '" + name + "' has type '" + kind + "': expected q or c");
    }
    return new RegisterRecord(kind, name, bits, inCircuit);
  }

  /**
   * The Java registers: the circuit's registers must tile its bits in order, or there must be none.
   */
  private Register[] registers(List<RegisterRecord> records, int numQubits, int numClbits) {
    List<Register> out = new ArrayList<>();
    for (char kind : new char[] {'q', 'c'}) {
      int total = kind == 'q' ? numQubits : numClbits;
      int next = 0;
      boolean any = false;
      for (RegisterRecord r : records) {
        if (r.kind != kind || !r.inCircuit) {
          continue;
        }
        any = true;
        for (long bit : r.bits) {
          if (bit != next++) {
            throw QpyException.unsupported(
                "registers that do not hold the circuit's "
                    + (kind == 'q' ? "qubits" : "clbits")
                    + " once each in order (register '"
                    + r.name
                    + "')",
                version);
          }
        }
        out.add(register(kind, r.name, r.bits.length));
      }
      if (!any && total > 0) {
        out.add(register(kind, freeName(records, kind == 'q' ? "q" : "c"), total));
      } else if (next != total) {
        throw QpyException.unsupported(
            "bits outside every register ("
                + (total - next)
                + " "
                + (kind == 'q' ? "qubits" : "clbits")
                + ")",
            version);
      }
    }
    return out.toArray(Register[]::new);
  }

  private static String freeName(List<RegisterRecord> records, String base) {
    String name = base;
    for (int i = 0; records.stream().map(RegisterRecord::name).anyMatch(name::equals); i++) {
      name = base + i;
    }
    return name;
  }

  private static Register register(char kind, String name, int size) {
    try {
      return kind == 'q' ? new QuantumRegister(size, name) : new ClassicalRegister(size, name);
    } catch (IllegalArgumentException e) {
      throw new QpyException(
          "QPY register '" + name + "' cannot be a Java register: " + e.getMessage(), e);
    }
  }

  private Map<String, Object> metadata(String json) {
    Object value;
    try {
      value = Values.fromJson(json);
    } catch (ValueEncodingException e) {
      throw new QpyException("QPY circuit metadata does not decode: " + e.getMessage(), e);
    }
    if (value == null) {
      return new LinkedHashMap<>();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new QpyException("QPY circuit metadata is " + json + ": expected a JSON object");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put((String) k, v));
    return out;
  }

  private Custom readCustom(QpyInput in) {
    int nameSize = in.u16("custom definition name size");
    char type = in.ascii("custom definition type");
    int numQubits = in.index32("custom definition qubit count");
    int numClbits = in.index32("custom definition clbit count");
    boolean hasDefinition = in.bool("custom definition flag");
    long size = in.i64("custom definition size");
    long numCtrl = in.u32("custom definition control count");
    long ctrlState = in.u32("custom definition control state");
    long baseSize = in.i64("custom definition base gate size");
    String key = in.utf8(nameSize, "custom definition name");
    QpyInput definition = hasDefinition ? in.slice(size, "custom definition of " + key) : null;
    in.skip(baseSize, "custom definition base gate");
    return new Custom(key, type, numQubits, numClbits, definition, numCtrl, ctrlState);
  }

  private ParameterExpression readInstruction(
      QpyInput in,
      QuantumCircuit qc,
      Map<String, ClassicalRegister> cregs,
      Map<String, Custom> customs,
      Map<String, GateDefinition> definitions,
      ParameterExpression phase) {
    int nameSize = in.u16("instruction name size");
    int labelSize = in.u16("instruction label size");
    int numParams = in.u16("instruction parameter count");
    long numQargs = in.u32("instruction qubit count");
    long numCargs = in.u32("instruction clbit count");
    int extras = in.u8("instruction extras key");
    int conditionSize = in.u16("condition register size");
    long conditionValue = in.i64("condition value");
    long numCtrl = in.u32("instruction control count");
    long ctrlState = in.u32("instruction control state");
    String className = in.utf8(nameSize, "instruction name");
    in.skip(labelSize, "instruction label");
    byte[] conditionRegister = in.bytes(conditionSize, "condition register");
    if ((extras & 0x80) != 0) {
      throw QpyException.unsupported("instruction annotations", version);
    }
    if ((extras & 3) == 2) {
      throw QpyException.unsupported("a classical-expression condition on " + className, version);
    }
    int[] qubits = bits(in, numQargs, 'q', qc.numQubits(), className);
    int[] clbits = bits(in, numCargs, 'c', qc.numClbits(), className);
    List<Param> params = new ArrayList<>();
    for (int i = in.count(numParams, 9, "instruction parameters"); i > 0; i--) {
      char type = in.ascii("parameter type");
      params.add(new Param(type, in.slice(in.i64("parameter size"), "parameter of " + className)));
    }
    if (className.equals("GlobalPhaseGate")) {
      if (qubits.length != 0 || params.size() != 1 || (extras & 3) != 0) {
        throw new QpyException(
            "QPY GlobalPhaseGate has "
                + qubits.length
                + " qubits and "
                + params.size()
                + " parameters: expected none and one");
      }
      return phase.add(param(params.get(0), className, 0));
    }
    Operation op =
        operation(
            className,
            qubits.length,
            clbits.length,
            numCtrl,
            ctrlState,
            params,
            customs,
            definitions);
    Condition condition =
        (extras & 3) == 1 ? condition(conditionRegister, conditionValue, cregs, qc) : null;
    try {
      qc.append(new CircuitInstruction(op, qubits, clbits, condition));
    } catch (IllegalArgumentException e) {
      throw new QpyException(
          "QPY instruction " + className + " is invalid here: " + e.getMessage(), e);
    }
    return phase;
  }

  private record Param(char type, QpyInput data) {}

  private ParameterExpression param(Param p, String className, int index) {
    return values.read(p.type, p.data, version <= 17, "parameter " + index + " of " + className);
  }

  private static int[] bits(QpyInput in, long count, char kind, int available, String className) {
    int[] out = new int[in.count(count, 5, "instruction arguments")];
    for (int i = 0; i < out.length; i++) {
      char k = in.ascii("instruction argument type");
      int index = in.index32("instruction argument index");
      if (k != kind || index >= available) {
        throw new QpyException(
            "QPY instruction "
                + className
                + " uses "
                + (k == 'q' ? "qubit " : "clbit ")
                + index
                + " where a "
                + (kind == 'q' ? "qubit" : "clbit")
                + " below "
                + available
                + " was expected");
      }
      out[i] = index;
    }
    return out;
  }

  private Operation operation(
      String className,
      int numQubits,
      int numClbits,
      long numCtrl,
      long ctrlState,
      List<Param> params,
      Map<String, Custom> customs,
      Map<String, GateDefinition> definitions) {
    GateClasses.Entry entry = GateClasses.forClass(className);
    if (entry != null) {
      return standardGate(entry, numQubits, numClbits, numCtrl, ctrlState, params);
    }
    Custom custom = customs.get(className);
    if (custom != null) {
      if (custom.numQubits != numQubits || numClbits != 0) {
        throw new QpyException(
            "QPY custom gate "
                + className
                + " is applied to "
                + numQubits
                + " qubits and "
                + numClbits
                + " clbits but defined on "
                + custom.numQubits
                + " qubits");
      }
      GateDefinition d = definitions.computeIfAbsent(className, k -> definition(custom));
      return d.gate(d.params());
    }
    String expected =
        switch (className) {
          case "Measure" ->
              numQubits == 1 && numClbits == 1 && params.isEmpty()
                  ? ""
                  : "1 qubit, 1 clbit, no parameters";
          case "Reset" ->
              numQubits == 1 && numClbits == 0 && params.isEmpty() ? "" : "1 qubit, no parameters";
          case "Barrier" ->
              numQubits >= 1 && numClbits == 0 && params.isEmpty() ? "" : "qubits only";
          case "Delay" ->
              numQubits == 1 && numClbits == 0 && params.size() == 1
                  ? ""
                  : "1 qubit and a duration";
          default -> null;
        };
    if (expected == null) {
      throw QpyException.unsupported(
          CONTROL_FLOW.contains(className)
              ? "control flow (" + className + ")"
              : "the instruction " + className,
          version);
    }
    if (!expected.isEmpty()) {
      throw new QpyException(
          "QPY "
              + className
              + " has "
              + numQubits
              + " qubits, "
              + numClbits
              + " clbits and "
              + params.size()
              + " parameters: expected "
              + expected);
    }
    return switch (className) {
      case "Measure" -> new Measure();
      case "Reset" -> new Reset();
      case "Barrier" -> new Barrier(numQubits);
      default -> new Delay(param(params.get(0), className, 0), "dt");
    };
  }

  private Operation standardGate(
      GateClasses.Entry entry,
      int numQubits,
      int numClbits,
      long numCtrl,
      long ctrlState,
      List<Param> params) {
    String name = entry.className();
    int expectedQubits = entry.numQubits() > 0 ? entry.numQubits() : (int) numCtrl + 1;
    int expectedCtrl = entry.numQubits() > 0 ? entry.numCtrlQubits() : (int) numCtrl;
    if (numCtrl != 0 && (numCtrl != expectedCtrl || ctrlState != (1L << numCtrl) - 1)) {
      throw QpyException.unsupported(
          "open or extra controls on "
              + name
              + " ("
              + numCtrl
              + " controls, state "
              + ctrlState
              + ")",
          version);
    }
    StandardGate gate = entry.gate();
    if (numQubits != expectedQubits
        || numClbits != 0
        || params.size() != gate.numParams()
        || expectedQubits < 1) {
      throw new QpyException(
          "QPY "
              + name
              + " has "
              + numQubits
              + " qubits, "
              + numClbits
              + " clbits and "
              + params.size()
              + " parameters: expected "
              + expectedQubits
              + " qubits and "
              + gate.numParams()
              + " parameters");
    }
    ParameterExpression[] values = new ParameterExpression[params.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = param(params.get(i), name, i);
    }
    return gate.sized(numQubits, values);
  }

  private GateDefinition definition(Custom c) {
    String name = javaName(c.key);
    if (c.type == 'a') {
      throw QpyException.unsupported("annotated operations (" + name + ")", version);
    }
    if (c.type == 'p') {
      throw QpyException.unsupported("PauliEvolutionGate (" + name + ")", version);
    }
    if (c.type == 'c' && c.ctrlState != (1L << c.numCtrlQubits) - 1) {
      throw QpyException.unsupported(
          "open-controlled gates (" + name + ", control state " + c.ctrlState + ")", version);
    }
    if (c.numClbits != 0 || (c.type != 'g' && c.type != 'i' && c.type != 'c')) {
      throw QpyException.unsupported(
          "custom instructions with classical bits or type '" + c.type + "' (" + name + ")",
          version);
    }
    if (c.definition == null) {
      if (c.type != 'g') {
        throw QpyException.unsupported(
            "custom instructions without a definition (" + name + ")", version);
      }
      return GateDefinition.opaque(name, List.of(), c.numQubits);
    }
    QuantumCircuit body = new CircuitReader(version, depth + 1).read(c.definition);
    if (body.numQubits() != c.numQubits || body.numClbits() != 0) {
      throw new QpyException(
          "QPY custom gate "
              + name
              + " is declared on "
              + c.numQubits
              + " qubits but its definition has "
              + body.numQubits()
              + " qubits and "
              + body.numClbits()
              + " clbits");
    }
    try {
      return new GateDefinition(name, body.parameters(), body);
    } catch (IllegalArgumentException e) {
      throw QpyException.unsupported(
          "custom instructions that are not unitary gates (" + e.getMessage() + ")", version);
    }
  }

  /** The gate name without QPY's per-instance {@code _<uuid>} suffix, as a Java identifier. */
  private static String javaName(String key) {
    int cut = key.lastIndexOf('_');
    String name = (cut > 0 ? key.substring(0, cut) : key).replaceAll("[^A-Za-z0-9_]", "_");
    return name.isEmpty() || Character.isDigit(name.charAt(0)) ? "_" + name : name;
  }

  private Condition condition(
      byte[] register, long value, Map<String, ClassicalRegister> cregs, QuantumCircuit qc) {
    String text = new String(register, java.nio.charset.StandardCharsets.UTF_8);
    try {
      if (!text.isEmpty() && text.charAt(0) == 0) {
        int bit = Integer.parseInt(text.substring(1));
        if (bit < 0 || bit >= qc.numClbits()) {
          throw new QpyException(
              "QPY condition on clbit "
                  + bit
                  + " but the circuit has "
                  + qc.numClbits()
                  + " clbits");
        }
        return new Condition(null, new int[] {bit}, value);
      }
      ClassicalRegister c = cregs.get(text);
      if (c == null) {
        throw new QpyException(
            "QPY condition names the classical register '"
                + text
                + "', which the circuit does not have");
      }
      int[] bits = new int[c.size()];
      for (int i = 0; i < bits.length; i++) {
        bits[i] = qc.clbit(c, i);
      }
      return new Condition(c, bits, value);
    } catch (IllegalArgumentException e) {
      throw new QpyException(
          "QPY condition '"
              + text.replace('\0', '#')
              + " == "
              + value
              + "' is invalid: "
              + e.getMessage(),
          e);
    }
  }

  private static void skipLayout(QpyInput in) {
    boolean exists = in.bool("layout flag");
    int initialSize = in.i32("initial layout size");
    int inputSize = in.i32("input mapping size");
    int finalSize = in.i32("final layout size");
    long extraRegisters = in.u32("layout register count");
    in.i32("input qubit count");
    if (!exists) {
      return;
    }
    for (int i = in.count(extraRegisters, 9, "layout registers"); i > 0; i--) {
      in.skip(1 + 1, "layout register header");
      long size = in.u32("layout register size");
      int nameSize = in.u16("layout register name size");
      in.skip(1 + nameSize, "layout register name");
      in.skip(in.count(size, 8, "layout register bits") * 8L, "layout register bits");
    }
    for (int i = in.count(Math.max(initialSize, 0), 8, "initial layout bits"); i > 0; i--) {
      int index = in.i32("initial layout index");
      int registerSize = in.i32("initial layout register name size");
      if (!(index == -1 && registerSize == -1)) {
        in.skip(Math.max(registerSize, 0), "initial layout register name");
      }
    }
    in.skip(in.count(Math.max(inputSize, 0), 4, "input mapping entries") * 4L, "input mapping");
    in.skip(in.count(Math.max(finalSize, 0), 4, "final layout entries") * 4L, "final layout");
  }
}
