/**
 * OpenQASM 2 import and export ({@link io.qserverless.quantum.qasm2.Qasm2}) and the parse error
 * shared with OpenQASM 3 ({@link io.qserverless.quantum.qasm2.QasmParseException}).
 */
package io.qserverless.quantum.qasm2;
