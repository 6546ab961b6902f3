/**
 * Implementation of the transpiler: matrices, Euler and KAK synthesis, the SABRE router and the
 * circuit conversions. Nothing outside the transpiler packages imports it.
 */
package io.qserverless.quantum.transpiler.internal;
