/**
 * Implementation of the client SDK; nothing outside the client module imports it. The public API is
 * {@code io.qserverless.client}.
 */
package io.qserverless.client.internal;
