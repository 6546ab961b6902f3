/** Analysis passes: checks that write facts into the property set. */
package io.qserverless.quantum.transpiler.passes.analysis;
