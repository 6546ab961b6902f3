/**
 * The OpenQASM 3 reader's parser and unroller; nothing outside {@code qasm3} imports it. The
 * unroller runs the classical part of a program while reading it and hands plain circuit statements
 * to the shared OpenQASM circuit builder.
 */
package io.qserverless.quantum.qasm3.internal;
