/**
 * Jobs: the use cases of running a function ({@link io.qserverless.gateway.job.Jobs}), the one
 * writer of a job's life ({@link io.qserverless.gateway.job.JobLifecycle}: transitions, events,
 * result, tokens, capacity), and the job table that is also the queue.
 */
package io.qserverless.gateway.job;
