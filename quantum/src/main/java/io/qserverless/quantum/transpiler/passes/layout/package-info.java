/** Layout stage: choose which physical qubit each virtual qubit starts on, then apply it. */
package io.qserverless.quantum.transpiler.passes.layout;
