/**
 * The OpenQASM reader and writer behind {@code Qasm2} and {@code Qasm3}: lexer, parser to a syntax
 * tree, expression evaluation, the mapping to and from circuits. Nothing outside the two QASM
 * packages uses it; its types may change without notice.
 */
package io.qserverless.quantum.qasm2.internal;
