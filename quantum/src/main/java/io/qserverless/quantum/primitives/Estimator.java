package io.qserverless.quantum.primitives;

import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.info.SparsePauliOp;
import io.qserverless.quantum.simulator.Statevector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The Estimator primitive (Qiskit's V1 reference Estimator): exact expectation values ⟨ψ|O|ψ⟩ of
 * observables on the states circuits prepare.
 *
 * <pre>{@code
 * double zz = new Estimator().run(List.of(bell), List.of(SparsePauliOp.of("ZZ"))).result().values()[0]; // 1.0
 * }</pre>
 *
 * <p>Circuits must be gate-only (no measurements). Immutable and thread-safe.
 */
public final class Estimator {
  public PrimitiveJob<EstimatorResult> run(
      List<QuantumCircuit> circuits, List<SparsePauliOp> observables) {
    return run(circuits, observables, Collections.nCopies(circuits.size(), List.of()));
  }

  /** The i-th value is observable i on circuit i bound to parameter values i. */
  public PrimitiveJob<EstimatorResult> run(
      List<QuantumCircuit> circuits,
      List<SparsePauliOp> observables,
      List<? extends List<? extends Number>> parameterValues) {
    if (observables.size() != circuits.size() || parameterValues.size() != circuits.size()) {
      throw new IllegalArgumentException(
          "Estimator.run takes one observable and one parameter value list per circuit, got "
              + circuits.size()
              + " circuits, "
              + observables.size()
              + " observables, "
              + parameterValues.size()
              + " value lists");
    }
    double[] values = new double[circuits.size()];
    List<Map<String, Object>> metadata = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      Statevector psi =
          Statevector.fromCircuit(Parameters.bind(circuits.get(i), parameterValues.get(i)));
      values[i] = psi.expectationValue(observables.get(i));
      metadata.add(Map.of());
    }
    return new PrimitiveJob<>(new EstimatorResult(values, metadata));
  }
}
