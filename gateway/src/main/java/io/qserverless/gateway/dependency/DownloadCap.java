package io.qserverless.gateway.dependency;

import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.TransferCancelledException;
import org.eclipse.aether.transfer.TransferEvent;

/**
 * Cancels one upload's downloads once they pass the size cap, so a huge artifact is not fetched
 * whole before the cap on the resolved jars refuses it. Transfers of one session may run on several
 * threads.
 */
final class DownloadCap extends AbstractTransferListener {
  private final long maxBytes;
  private final AtomicLong downloaded = new AtomicLong();
  private volatile long reached = -1;

  DownloadCap(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Whether a transfer was cancelled because the cap was passed. */
  boolean exceeded() {
    return reached >= 0;
  }

  /** The byte count that passed the cap. */
  long reached() {
    return reached;
  }

  @Override
  public void transferStarted(TransferEvent event) throws TransferCancelledException {
    long announced = event.getResource().getContentLength();
    if (announced > 0 && downloaded.get() + announced > maxBytes) {
      cancel(downloaded.get() + announced);
    }
  }

  @Override
  public void transferProgressed(TransferEvent event) throws TransferCancelledException {
    long total = downloaded.addAndGet(event.getDataLength());
    if (total > maxBytes) {
      cancel(total);
    }
  }

  private void cancel(long bytes) throws TransferCancelledException {
    reached = bytes;
    throw new TransferCancelledException(
        "download of " + bytes + " bytes would pass the cap of " + maxBytes);
  }
}
