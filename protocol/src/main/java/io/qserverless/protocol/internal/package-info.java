/**
 * Byte formats the envelopes share (base64 of zlib, NumPy .npy); not for use outside {@code
 * protocol}.
 */
package io.qserverless.protocol.internal;
