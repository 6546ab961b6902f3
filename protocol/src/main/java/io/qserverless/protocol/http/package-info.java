/**
 * The HTTP transport that the client SDK (outside a job) and the runtime (inside a job) share:
 * bearer-token JSON calls, multipart uploads and downloads, with the gateway's error message turned
 * into the calling module's own exception.
 */
package io.qserverless.protocol.http;
