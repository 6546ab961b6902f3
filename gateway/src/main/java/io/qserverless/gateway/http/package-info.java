/**
 * The REST API v1 over HTTP: route table, authentication, error mapping ({@link
 * io.qserverless.gateway.http.ErrorStatus}), OpenAPI description, and the dashboard's static page
 * ({@link io.qserverless.gateway.http.Dashboard}). Parses, calls, renders; no decisions of its own.
 */
package io.qserverless.gateway.http;
