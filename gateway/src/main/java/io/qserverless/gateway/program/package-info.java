/**
 * Functions (programs): upload of a working-directory tar, its safety checks, compilation of Java
 * entrypoints once at upload, immutable artifacts by content digest, and lookup by title.
 */
package io.qserverless.gateway.program;
