package io.qserverless.gateway.runner;

import java.util.concurrent.CompletableFuture;

/**
 * One worker JVM of a job, as its runner sees it.
 *
 * @param name {@code worker-N}, numbered from 1 in the order the job's workers started
 * @param exited completes when the worker's processes have ended
 */
public record WorkerRun(String name, CompletableFuture<Void> exited) {}
