/**
 * Confinement of job processes: what a job may see, write and use on this machine (bubblewrap), or
 * nothing, when the operator runs without a sandbox.
 */
package io.qserverless.gateway.sandbox;
