/** Routing stage: insert swaps so every two-qubit gate acts on coupled qubits. */
package io.qserverless.quantum.transpiler.passes.routing;
