/**
 * The REST API v1 over HTTP: route table, authentication, error mapping ({@link
 * io.qserverless.gateway.http.ErrorStatus}), OpenAPI description. Parses, calls, renders; no
 * decisions of its own.
 */
package io.qserverless.gateway.http;
