/**
 * OpenQASM 3 import and export ({@link io.qserverless.quantum.qasm3.Qasm3}), and reading either
 * version with the version detected ({@link io.qserverless.quantum.qasm3.OpenQasm}).
 */
package io.qserverless.quantum.qasm3;
