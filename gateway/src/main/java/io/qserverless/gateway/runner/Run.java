package io.qserverless.gateway.runner;

import java.util.concurrent.CompletableFuture;

/**
 * One started attempt of a job, as its runner sees it.
 *
 * <p>A run starts held: its processes exist but the program does not begin until {@link
 * #release()}. The lifecycle records the {@link #handle()} first, so there is never a program
 * running that the database does not know of (a gateway that dies in between leaves a run that ends
 * without starting its program, and reports so).
 */
public interface Run {
  RunHandle handle();

  /**
   * Lets the program begin. Called once, after the handle is durably recorded; adopted runs ignore
   * it.
   */
  void release();

  /** Completes when every process of the run has ended. */
  CompletableFuture<Void> exited();
}
