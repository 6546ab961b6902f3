package io.qserverless.runtime.cluster;

import io.qserverless.runtime.Resources;

/**
 * The free part of one allotment: the job's JVM alone, or one member of the job's cluster. Counts
 * cpu in thousandths so that fractional tasks never drift.
 *
 * <p>{@link #take} may drive it below zero: a task that waits for its children gives its share back
 * and takes it again when it wakes, even if that briefly over-commits the allotment.
 *
 * <p>Not thread-safe: its owner guards it.
 */
public final class Ledger {
  private final Resources total;
  private long freeMilliCpu;
  private long freeMem;
  private long freeGpu;

  public Ledger(Resources total) {
    this.total = total;
    this.freeMilliCpu = total.milliCpu();
    this.freeMem = total.mem();
    this.freeGpu = total.gpu();
  }

  public Resources total() {
    return total;
  }

  /** True when {@code r} fits the whole allotment, so it can start some day. */
  public boolean canEverFit(Resources r) {
    return r.milliCpu() <= total.milliCpu() && r.mem() <= total.mem() && r.gpu() <= total.gpu();
  }

  public boolean fits(Resources r) {
    return r.milliCpu() <= freeMilliCpu && r.mem() <= freeMem && r.gpu() <= freeGpu;
  }

  /** Takes {@code r} if it fits the free part. */
  public boolean tryTake(Resources r) {
    if (!fits(r)) {
      return false;
    }
    take(r);
    return true;
  }

  public void take(Resources r) {
    freeMilliCpu -= r.milliCpu();
    freeMem -= r.mem();
    freeGpu -= r.gpu();
  }

  public void release(Resources r) {
    freeMilliCpu += r.milliCpu();
    freeMem += r.mem();
    freeGpu += r.gpu();
  }

  /** A ledger of the same total with the same free part, for planning. */
  public Ledger copy() {
    Ledger c = new Ledger(total);
    c.freeMilliCpu = freeMilliCpu;
    c.freeMem = freeMem;
    c.freeGpu = freeGpu;
    return c;
  }

  /** The free part, never below zero (for messages). */
  public Resources free() {
    return new Resources(
        Math.max(0, freeMilliCpu) / 1000.0, Math.max(0, freeMem), (int) Math.max(0, freeGpu));
  }
}
