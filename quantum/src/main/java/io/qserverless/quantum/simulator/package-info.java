/**
 * Exact statevector simulation: {@link io.qserverless.quantum.simulator.Statevector} for states and
 * expectation values, {@link io.qserverless.quantum.simulator.StatevectorSimulator} for runs with
 * measurements. Kernels and measurement branching live in {@code internal}.
 */
package io.qserverless.quantum.simulator;
