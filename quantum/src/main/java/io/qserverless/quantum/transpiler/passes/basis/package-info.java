/** Translation stage: rewrite gates into the target basis and fix two-qubit gate direction. */
package io.qserverless.quantum.transpiler.passes.basis;
