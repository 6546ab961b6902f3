package io.qserverless.quantum.transpiler;

/** A pass that returns a rewritten circuit; it may read (and add to) the property set. */
public non-sealed interface TransformationPass extends BasePass {
  DagCircuit transform(DagCircuit dag, PropertySet properties);
}
