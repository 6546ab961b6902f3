/** Jobs: running a function, the job table as queue, status, sub-status, result, logs and events. */
package io.qserverless.gateway.job;
