/** Optimisation stage: single-qubit merging, inverse cancellation, two-qubit block resynthesis. */
package io.qserverless.quantum.transpiler.passes.optimization;
