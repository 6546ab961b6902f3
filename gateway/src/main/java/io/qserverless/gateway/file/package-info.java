/**
 * The Files API: flat per-user, per-function {@code .tar}/{@code .h5} files, checked by content,
 * written atomically.
 */
package io.qserverless.gateway.file;
