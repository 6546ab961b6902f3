package io.qserverless.protocol.qpy.internal;

import io.qserverless.protocol.qpy.QpyException;
import io.qserverless.protocol.value.Values;
import io.qserverless.quantum.circuit.Barrier;
import io.qserverless.quantum.circuit.CircuitInstruction;
import io.qserverless.quantum.circuit.Condition;
import io.qserverless.quantum.circuit.ControlFlow;
import io.qserverless.quantum.circuit.Delay;
import io.qserverless.quantum.circuit.DiscardedMeasure;
import io.qserverless.quantum.circuit.Gate;
import io.qserverless.quantum.circuit.Measure;
import io.qserverless.quantum.circuit.ParameterExpression;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.circuit.QuantumRegister;
import io.qserverless.quantum.circuit.Register;
import io.qserverless.quantum.circuit.Reset;
import io.qserverless.quantum.circuit.SetBit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes one circuit payload in QPY 13–17, as Qiskit's own writer lays it out: standard gates by
 * class name with their control counts, user gates as custom definitions (one per instance, named
 * {@code name_<uuid>} as Qiskit does, holding the instance's definition circuit), conditions as
 * register/bit two-tuples, an empty calibration block and no layout.
 *
 * <p>Refused, because Qiskit would read something else: delays in a unit other than {@code dt} (QPY
 * 13–17 carry no unit) or of a fractional number of dt.
 */
final class CircuitWriter {
  private final int version;
  private final Parameters values;

  CircuitWriter(int version) {
    this.version = version;
    this.values = new Parameters(version);
  }

  void write(QpyOutput out, QuantumCircuit qc) {
    byte[] name = QpyOutput.utf8(qc.name());
    QpyOutput phase = new QpyOutput();
    char phaseType = phaseType(qc.globalPhase());
    values.write(phase, qc.globalPhase(), false);
    byte[] phaseBytes = phase.toByteArray();
    byte[] phaseData = java.util.Arrays.copyOfRange(phaseBytes, 9, phaseBytes.length);
    byte[] metadata = QpyOutput.utf8(Values.toJson(qc.metadata()));
    Map<String, Gate> customs = new LinkedHashMap<>();
    QpyOutput instructions = new QpyOutput();
    for (CircuitInstruction in : qc.data()) {
      writeInstruction(instructions, in, customs);
    }
    out.u16(name.length)
        .u8(phaseType)
        .u16(phaseData.length)
        .i32(qc.numQubits())
        .i32(qc.numClbits())
        .i64(metadata.length)
        .i32(qc.registers().size())
        .i64(qc.size())
        .i32(0);
    out.bytes(name).bytes(phaseData).bytes(metadata);
    for (Register r : qc.registers()) {
      byte[] regName = QpyOutput.utf8(r.name());
      out.u8(r instanceof QuantumRegister ? 'q' : 'c')
          .bool(true)
          .i32(r.size())
          .u16(regName.length)
          .bool(true)
          .bytes(regName);
      int offset = qc.offsetOf(r);
      for (int i = 0; i < r.size(); i++) {
        out.i64(offset + i);
      }
    }
    if (version >= 15) {
      out.i32(0);
    }
    out.i64(customs.size());
    customs.forEach((key, gate) -> writeCustom(out, key, gate));
    out.bytes(instructions.toByteArray());
    out.u16(0);
    out.u8(0).i32(-1).i32(-1).i32(-1).i32(0).i32(0);
  }

  private static char phaseType(ParameterExpression e) {
    return e instanceof ParameterExpression.Constant
        ? 'f'
        : e instanceof io.qserverless.quantum.circuit.Parameter ? 'p' : 'e';
  }

  private void writeInstruction(QpyOutput out, CircuitInstruction in, Map<String, Gate> customs) {
    String className;
    int numCtrl = 0;
    List<ParameterExpression> params = in.operation().params();
    switch (in.operation()) {
      case Gate g when g.standardGate() != null -> {
        GateClasses.Entry entry = GateClasses.forGate(g.standardGate());
        className = entry.className();
        numCtrl = entry.numQubits() > 0 ? entry.numCtrlQubits() : g.numQubits() - 1;
      }
      case Gate g -> {
        className = g.name() + "_" + UUID.randomUUID().toString().replace("-", "");
        customs.put(className, g);
      }
      case Measure m -> className = "Measure";
      case Reset r -> className = "Reset";
      case Barrier b -> className = "Barrier";
      case Delay d -> {
        className = "Delay";
        checkDelay(d);
      }
      case DiscardedMeasure m ->
          throw new QpyException(
              "cannot write a measurement whose result is discarded as QPY: Qiskit's Measure needs"
                  + " a clbit; measure into a bit");
      case SetBit b ->
          throw new QpyException(
              "cannot write a 'set_bit' as QPY (this writer has no classical stores); keep the"
                  + " circuit in OpenQASM 3");
      case ControlFlow f ->
          throw new QpyException(
              "cannot write a '"
                  + f.name()
                  + "' as QPY (this writer has no control-flow blocks); keep the circuit in"
                  + " OpenQASM 3");
    }
    byte[] name = QpyOutput.utf8(className);
    Condition c = in.condition();
    byte[] condition = c == null ? new byte[0] : conditionBytes(c, in);
    out.u16(name.length)
        .u16(0)
        .u16(params.size())
        .i32(in.qubits().length)
        .i32(in.clbits().length)
        .u8(c == null ? 0 : 1)
        .u16(condition.length)
        .i64(c == null ? 0 : c.value())
        .i32(numCtrl)
        .i32((int) ((1L << numCtrl) - 1));
    out.bytes(name).bytes(condition);
    for (int q : in.qubits()) {
      out.u8('q').i32(q);
    }
    for (int b : in.clbits()) {
      out.u8('c').i32(b);
    }
    for (ParameterExpression p : params) {
      if (in.operation() instanceof Delay && p instanceof ParameterExpression.Constant k) {
        Parameters.writeTyped(out, 'i', new QpyOutput().i64LittleEndian((long) k.value()));
      } else {
        values.write(out, p, version <= 17);
      }
    }
  }

  private static void checkDelay(Delay d) {
    if (!d.unit().equals("dt")) {
      throw new QpyException(
          "cannot write a delay of "
              + d.duration()
              + " "
              + d.unit()
              + " as QPY "
              + "13-17: these versions store no unit and Qiskit reads every delay as dt; express it in dt");
    }
    if (d.duration() instanceof ParameterExpression.Constant k
        && k.value() != Math.rint(k.value())) {
      throw new QpyException(
          "cannot write a delay of " + k.value() + " dt as QPY: Qiskit needs a whole number of dt");
    }
  }

  private static byte[] conditionBytes(Condition c, CircuitInstruction in) {
    if (c.register() != null) {
      return QpyOutput.utf8(c.register().name());
    }
    int[] bits = c.clbits();
    if (bits.length != 1) {
      throw new QpyException(
          "cannot write the condition of "
              + in.operation().name()
              + " on "
              + bits.length
              + " loose clbits as QPY: condition on a register or one clbit");
    }
    return QpyOutput.utf8("\0" + bits[0]);
  }

  private void writeCustom(QpyOutput out, String key, Gate gate) {
    byte[] name = QpyOutput.utf8(key);
    byte[] definition =
        gate.customDefinition().isOpaque() ? null : circuit(gate.definition().orElseThrow());
    out.u16(name.length)
        .u8('g')
        .i32(gate.numQubits())
        .i32(0)
        .bool(definition != null)
        .i64(definition == null ? 0 : definition.length)
        .i32(0)
        .i32(0)
        .i64(0);
    out.bytes(name);
    if (definition != null) {
      out.bytes(definition);
    }
  }

  private byte[] circuit(QuantumCircuit qc) {
    QpyOutput out = new QpyOutput();
    write(out, qc);
    return out.toByteArray();
  }
}
