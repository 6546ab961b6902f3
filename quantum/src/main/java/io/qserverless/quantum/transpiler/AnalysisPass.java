package io.qserverless.quantum.transpiler;

/** A pass that reads the circuit and writes facts into the property set, never the circuit. */
public non-sealed interface AnalysisPass extends BasePass {
  void analyze(DagCircuit dag, PropertySet properties);
}
