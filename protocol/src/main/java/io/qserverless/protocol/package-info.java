/**
 * The wire contract shared by gateway, client and runtime: status names and their shown names, the
 * error body, the in-job environment, and the JSON encoding of arguments and results.
 */
package io.qserverless.protocol;
