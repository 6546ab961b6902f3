/**
 * The failures a gateway user can cause: {@link
 * io.qserverless.gateway.error.RequestRefusedException} and its kinds, one per answer the HTTP
 * layer maps to a status ({@code http.ErrorStatus}). Every feature package may throw them; this
 * package depends on none.
 */
package io.qserverless.gateway.error;
