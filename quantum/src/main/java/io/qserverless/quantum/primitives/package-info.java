/**
 * Qiskit's primitives on the exact statevector simulator: {@link
 * io.qserverless.quantum.primitives.Sampler} and {@link
 * io.qserverless.quantum.primitives.Estimator} (V1 shapes, as the seed programs use) and {@link
 * io.qserverless.quantum.primitives.SamplerV2} / {@link
 * io.qserverless.quantum.primitives.EstimatorV2} (pubs).
 */
package io.qserverless.quantum.primitives;
