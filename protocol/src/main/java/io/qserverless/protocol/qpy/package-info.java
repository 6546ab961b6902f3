/**
 * QPY, Qiskit's binary circuit format (versions 13–17), read and written in pure Java. {@link
 * io.qserverless.protocol.qpy.Qpy} is the entry; the {@code internal} package holds the byte-level
 * reader and writer.
 */
package io.qserverless.protocol.qpy;
