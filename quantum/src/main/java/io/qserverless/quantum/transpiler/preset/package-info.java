/**
 * Preset pass managers for optimization levels 0–3, Qiskit's {@code generate_preset_pass_manager}.
 */
package io.qserverless.quantum.transpiler.preset;
