/** Implementation details of the backends package (a small JSON reader); not public API. */
package io.qserverless.quantum.backends.internal;
