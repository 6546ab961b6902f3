/** Job processes: one OS process per job, its environment contract, stop, timeout, outcome and restart recovery. */
package io.qserverless.gateway.runner;
