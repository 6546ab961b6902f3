/**
 * OpenQASM 3 import and export of the common circuit subset ({@link
 * io.qserverless.quantum.qasm3.Qasm3}).
 */
package io.qserverless.quantum.qasm3;
