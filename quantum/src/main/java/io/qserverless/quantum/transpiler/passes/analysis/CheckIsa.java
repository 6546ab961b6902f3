package io.qserverless.quantum.transpiler.passes.analysis;

import io.qserverless.quantum.transpiler.AnalysisPass;
import io.qserverless.quantum.transpiler.DagCircuit;
import io.qserverless.quantum.transpiler.Op;
import io.qserverless.quantum.transpiler.PropertySet;
import io.qserverless.quantum.transpiler.Target;

/**
 * Checks that the circuit is an ISA circuit for the target: only basis gates and directives, every
 * two-qubit gate on a coupling-map edge in an allowed direction. Writes {@link #IS_ISA} and, when
 * false, the first offending op into {@link #FIRST_VIOLATION}.
 */
public final class CheckIsa implements AnalysisPass {
  public static final PropertySet.Key<Boolean> IS_ISA =
      new PropertySet.Key<>("is_isa", Boolean.class);
  public static final PropertySet.Key<String> FIRST_VIOLATION =
      new PropertySet.Key<>("first_isa_violation", String.class);

  private final Target target;

  public CheckIsa(Target target) {
    this.target = target;
  }

  @Override
  public void analyze(DagCircuit dag, PropertySet properties) {
    for (Op op : dag.ops()) {
      String problem = null;
      if (!target.supports(op.name())) {
        problem = "gate '" + op.name() + "' is not in the basis " + target.basisGates();
      } else if (op.isGate()
          && op.numQubits() == 2
          && !target.allowsPair(op.qubit(0), op.qubit(1))) {
        problem = op + " is not on a coupling-map edge in that direction";
      } else if (op.isGate() && op.numQubits() > 2) {
        problem = op + " acts on more than two qubits";
      }
      if (problem != null) {
        properties.put(IS_ISA, false);
        properties.put(FIRST_VIOLATION, problem);
        return;
      }
    }
    properties.put(IS_ISA, true);
  }
}
