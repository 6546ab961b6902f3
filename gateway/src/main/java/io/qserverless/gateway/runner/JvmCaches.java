package io.qserverless.gateway.runner;

import io.qserverless.gateway.program.PlatformClasspath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The AOT caches of the job JVMs this gateway starts ({@link AotCache}), trained one after the
 * other in the background from the gateway's start: one for the only JVM of a job without workers
 * (the JDK's own start; its class path starts with the runtime jar), one for the JVMs of a job with
 * workers (their Hazelcast member's start, which is most of a cluster's start; their class path
 * starts with every platform jar), a class-list archive, which keeps the member's lambdas ({@link
 * AotCache.Format#CLASS_LIST}). Thread-safe.
 */
public final class JvmCaches {
  private static final String JOB_TRAINER = "io.qserverless.runtime.JobTraining";
  private static final String CLUSTER_TRAINER = "io.qserverless.runtime.cluster.ClusterTraining";
  private final AotCache job;
  private final AotCache cluster;
  private final CompletableFuture<Void> trained;

  private JvmCaches(AotCache job, AotCache cluster, CompletableFuture<Void> trained) {
    this.job = job;
    this.cluster = cluster;
    this.trained = trained;
  }

  /** The caches in {@code dir}, trained now on a background thread where they are missing. */
  public static JvmCaches start(Path dir) {
    AotCache job =
        AotCache.of(
            dir,
            "job",
            AotCache.Format.AOT,
            List.of(PlatformClasspath.runtime()),
            JobCommand.jvmOptions(false),
            JOB_TRAINER);
    AotCache cluster =
        AotCache.of(
            dir,
            "cluster",
            AotCache.Format.CLASS_LIST,
            PlatformClasspath.runtimeFirst(),
            JobCommand.jvmOptions(true),
            CLUSTER_TRAINER);
    CompletableFuture<Void> trained = new CompletableFuture<>();
    Thread.ofVirtual()
        .name("aot-training")
        .start(
            () -> {
              try {
                job.train();
                cluster.train();
              } finally {
                trained.complete(null);
              }
            });
    return new JvmCaches(job, cluster, trained);
  }

  /** No caches: every job JVM starts on the JDK's default archive. */
  public static JvmCaches none() {
    return new JvmCaches(
        AotCache.of(Path.of("."), "job", AotCache.Format.AOT, List.of(), List.of(), JOB_TRAINER),
        AotCache.of(
            Path.of("."),
            "cluster",
            AotCache.Format.CLASS_LIST,
            List.of(),
            List.of(),
            CLUSTER_TRAINER),
        CompletableFuture.completedFuture(null));
  }

  /** The cache of a job's JVMs: with workers (driver and workers alike) or without. */
  AotCache of(boolean cluster) {
    return cluster ? this.cluster : job;
  }

  /**
   * Waits until training has ended, with the caches ready or given up (for benchmarks, which
   * measure a gateway's lasting start time, not its first minute).
   */
  public void awaitTraining(Duration timeout) throws InterruptedException, TimeoutException {
    try {
      trained.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("training never fails its future", e);
    }
  }
}
