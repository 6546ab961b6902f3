package io.qserverless.gateway.runner;

/**
 * What the database records about a started run so a later gateway process can find it again.
 *
 * @param pid the process id of the run's outermost process
 * @param startedMillis its start time (epoch ms), which tells it from a later process reusing the
 *     id
 */
public record RunHandle(long pid, long startedMillis) {}
