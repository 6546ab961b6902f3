/**
 * The HTTP transport that the client SDK (outside a job) and the runtime (inside a job) share:
 * bearer-token JSON calls, multipart uploads and downloads, with the gateway's error message
 * turned into a {@link io.qserverless.protocol.http.GatewayException}.
 */
package io.qserverless.protocol.http;
