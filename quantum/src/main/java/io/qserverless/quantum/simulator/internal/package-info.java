/**
 * Simulator implementation: in-place parallel kernels, gate fusion and dispatch
 * ({@code StateEngine}), measurement branching ({@code CircuitRunner}) and outcome
 * accumulation ({@code Outcomes}). Used only by the simulator and primitives packages.
 */
package io.qserverless.quantum.simulator.internal;
