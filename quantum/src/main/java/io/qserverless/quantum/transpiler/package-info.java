/**
 * The transpiler: turns any circuit into an ISA circuit for a device (its basis gates, its directed
 * coupling map) with the same measured distribution.
 *
 * <p>Front doors: {@link io.qserverless.quantum.transpiler.Transpiler#transpile} for one call,
 * {@link io.qserverless.quantum.transpiler.preset.PresetPassManagers#generate} for a reusable
 * {@link io.qserverless.quantum.transpiler.PassManager}. Passes are {@link
 * io.qserverless.quantum.transpiler.AnalysisPass} or {@link
 * io.qserverless.quantum.transpiler.TransformationPass} over a {@link
 * io.qserverless.quantum.transpiler.DagCircuit}; the stages live in the {@code passes.*} packages.
 */
package io.qserverless.quantum.transpiler;
