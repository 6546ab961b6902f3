package io.qserverless.quantum.primitives;

import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.info.SparsePauliOp;
import java.util.List;

/**
 * One EstimatorV2 input: a gate-only circuit, the observables to evaluate on its state, values for
 * its parameters (in {@code circuit.parameters()} order) and optionally a target precision.
 *
 * @param precision null to use the estimator's default
 */
public record EstimatorPub(
    QuantumCircuit circuit,
    List<SparsePauliOp> observables,
    List<Double> parameterValues,
    Double precision) {
  public EstimatorPub {
    observables = List.copyOf(observables);
    parameterValues = List.copyOf(parameterValues);
    if (observables.isEmpty()) {
      throw new IllegalArgumentException("an EstimatorPub needs at least one observable, got none");
    }
    if (precision != null && !(precision >= 0)) {
      throw new IllegalArgumentException("precision must be 0 or more, got " + precision);
    }
  }

  public static EstimatorPub of(QuantumCircuit circuit, SparsePauliOp... observables) {
    return new EstimatorPub(circuit, List.of(observables), List.of(), null);
  }

  public EstimatorPub withParameterValues(List<Double> values) {
    return new EstimatorPub(circuit, observables, values, precision);
  }

  public EstimatorPub withPrecision(double precision) {
    return new EstimatorPub(circuit, observables, parameterValues, precision);
  }
}
