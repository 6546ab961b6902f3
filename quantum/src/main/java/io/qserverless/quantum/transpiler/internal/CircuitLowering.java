package io.qserverless.quantum.transpiler.internal;

import io.qserverless.quantum.circuit.CircuitInstruction;
import io.qserverless.quantum.circuit.ClassicalRegister;
import io.qserverless.quantum.circuit.Condition;
import io.qserverless.quantum.circuit.ControlFlow;
import io.qserverless.quantum.circuit.Gate;
import io.qserverless.quantum.circuit.Operation;
import io.qserverless.quantum.circuit.ParameterExpression;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.circuit.QuantumRegister;
import io.qserverless.quantum.circuit.Register;
import io.qserverless.quantum.circuit.SetBit;
import io.qserverless.quantum.circuit.StandardGate;
import io.qserverless.quantum.math.ComplexMatrix;
import io.qserverless.quantum.transpiler.DagCircuit;
import io.qserverless.quantum.transpiler.Op;
import io.qserverless.quantum.transpiler.TranspilerException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Converts between {@link QuantumCircuit} and the passes' {@link DagCircuit}.
 *
 * <p>Going in, gates are lowered so passes see few shapes: single-qubit gates carry their matrix;
 * {@code cx cz ecr swap} stay by name; other two-qubit gates become a {@code unitary} with their
 * matrix (KAK synthesis finds their fewest-CX form); wider gates expand through their definitions.
 * Going out, only basis gates and directives are expected.
 */
public final class CircuitLowering {
  private static final Set<String> KNOWN_TWO_QUBIT = Set.of("cx", "cz", "ecr", "swap");

  private CircuitLowering() {}

  public static DagCircuit toDag(QuantumCircuit circuit) {
    DagCircuit dag = new DagCircuit(circuit.numQubits(), circuit.numClbits());
    dag.addGlobalPhase(value(circuit.globalPhase(), "the circuit's global phase"));
    for (CircuitInstruction in : circuit.data()) {
      lower(in.operation(), in.qubits(), in.clbits(), in.condition(), dag);
    }
    return dag;
  }

  private static void lower(
      Operation operation, int[] qubits, int[] clbits, Condition condition, DagCircuit dag) {
    if (operation instanceof ControlFlow || operation instanceof SetBit) {
      throw new TranspilerException(
          "the transpiler does not map a '"
              + operation.name()
              + "' (classical control decided while the circuit runs); run the circuit on the"
              + " simulator untranspiled");
    }
    if (!(operation instanceof Gate gate)) {
      dag.add(new Op(operation.name(), qubits, clbits, new double[0], null, operation, condition));
      return;
    }
    double[] params;
    try {
      params = gate.paramValues();
    } catch (IllegalStateException e) {
      throw new TranspilerException(
          "gate '"
              + gate.name()
              + "' has unbound parameters "
              + gate.params()
              + "; bind them with assignParameters before transpiling",
          e);
    }
    if (qubits.length == 1) {
      add(dag, Op.oneQubit(gate.name(), qubits[0], matrix(gate), params), condition);
    } else if (qubits.length == 2
        && gate.standardGate() != null
        && KNOWN_TWO_QUBIT.contains(gate.name())) {
      add(dag, Op.twoQubit(gate.name(), qubits[0], qubits[1]), condition);
    } else if (qubits.length == 2) {
      add(dag, Op.unitary(qubits[0], qubits[1], matrix(gate)), condition);
    } else {
      QuantumCircuit def =
          gate.definition()
              .orElseThrow(
                  () ->
                      new TranspilerException(
                          "gate '"
                              + gate.name()
                              + "' on "
                              + qubits.length
                              + " qubits has no definition to"
                              + " decompose it; define it in one- and two-qubit gates"));
      if (condition == null) {
        dag.addGlobalPhase(value(def.globalPhase(), "the global phase of '" + gate.name() + "'"));
      }
      for (CircuitInstruction in : def.data()) {
        int[] mapped = new int[in.operation().numQubits()];
        for (int i = 0; i < mapped.length; i++) {
          mapped[i] = qubits[in.qubit(i)];
        }
        lower(in.operation(), mapped, new int[0], condition, dag);
      }
    }
  }

  private static double value(ParameterExpression e, String what) {
    try {
      return e.evaluate();
    } catch (IllegalStateException ex) {
      throw new TranspilerException(
          what + " " + e + " is unbound; bind it with assignParameters before transpiling", ex);
    }
  }

  private static ComplexMatrix matrix(Gate gate) {
    try {
      return SynthesisGates.fromLittleEndian(gate.matrix());
    } catch (RuntimeException e) {
      throw new TranspilerException(
          "gate '" + gate.name() + "' has no matrix or decomposition: " + e.getMessage(), e);
    }
  }

  private static void add(DagCircuit dag, Op op, Condition condition) {
    dag.add(condition == null ? op : op.withCondition(condition));
  }

  /** The circuit of a transpiled DAG: one register {@code q} of physical qubits, same clbits. */
  public static QuantumCircuit toCircuit(DagCircuit dag, QuantumCircuit original) {
    List<Register> regs = new ArrayList<>();
    regs.add(new QuantumRegister(dag.numQubits(), "q"));
    List<ClassicalRegister> cregs = original.cregs();
    regs.addAll(cregs);
    QuantumCircuit out = new QuantumCircuit(regs.toArray(Register[]::new));
    out.setName(original.name());
    out.setMetadata(original.metadata());
    out.setGlobalPhase(EulerDecomposer.normalize(dag.globalPhase()));
    for (Op op : dag.ops()) {
      Operation operation = op.source() != null ? op.source() : gate(op);
      out.append(new CircuitInstruction(operation, op.qubits(), op.clbits(), op.condition()));
    }
    return out;
  }

  private static Gate gate(Op op) {
    if (op.name().equals("rz")) {
      return StandardGate.RZ.gate(op.params()[0]);
    }
    StandardGate g =
        StandardGate.byName(op.name())
            .filter(s -> s.numParams() == 0)
            .orElseThrow(() -> new IllegalStateException("no basis gate for " + op));
    return g.gate();
  }
}
