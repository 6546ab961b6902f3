/**
 * Job processes behind the {@link io.qserverless.gateway.runner.JobRunner} seam: start a {@link
 * io.qserverless.gateway.runner.LaunchSpec} held until released, stop, adopt after a restart, and
 * what a job leaves ({@link io.qserverless.gateway.runner.JobDirectory}). The {@link
 * io.qserverless.gateway.runner.ProcessRunner} runs one OS process per job; what an exit means is
 * decided by the job lifecycle, not here.
 */
package io.qserverless.gateway.runner;
