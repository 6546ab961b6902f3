/**
 * Simulator implementation: the gate queue and dispatch ({@code StateEngine}), cache-blocked sweeps
 * ({@code Sweep}) with pair fusion ({@code Fusion}), in-place kernels (scalar, and {@code
 * VectorKernels} when the vector module is present), the simulator's threads ({@code Parallel}),
 * measurement branching ({@code CircuitRunner}) and outcome accumulation ({@code Outcomes}). Used
 * only by the simulator and primitives packages.
 */
package io.qserverless.quantum.simulator.internal;
