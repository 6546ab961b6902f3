/**
 * The gateway's assembler: {@link io.qserverless.gateway.Gateway} wires the feature packages
 * together and is the only class here. Features live in sub-packages (auth, program, job,
 * scheduler, runner, file, store, metrics, http); the start settings are in {@code config} and the
 * failures users can cause in {@code error}. No sub-package depends on this one.
 */
package io.qserverless.gateway;
