/**
 * The byte-level QPY reader and writer behind {@link io.qserverless.protocol.qpy.Qpy}; not for use
 * outside {@code protocol}.
 */
package io.qserverless.protocol.qpy.internal;
