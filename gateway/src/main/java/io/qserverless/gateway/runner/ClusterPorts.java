package io.qserverless.gateway.runner;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * Port ranges for the clusters of jobs with workers: each running job gets a range no other job of
 * this gateway holds, so that members of two jobs never even try each other's ports.
 *
 * <p>A range is a hint, not a lock: a slot whose ports are taken now (by another gateway on this
 * machine, or a job a dead gateway left running) is passed over; a port taken later is skipped
 * (members bind the next free one of the range, which has slack), and a member of another cluster
 * on one is refused for its cluster name. Thread-safe.
 */
final class ClusterPorts {
  static final int FIRST = 42_000;
  static final int SLOT = 40;
  static final int SLOTS = 500;

  private final Map<String, Integer> slots = new HashMap<>();

  /** A range {@code first-last} of {@code members} ports and a few spare, for the job's cluster. */
  synchronized String take(String jobId, int members) {
    if (members + 4 > SLOT) {
      throw new IllegalArgumentException(
          "a job's cluster of " + members + " members needs more than " + SLOT + " ports");
    }
    Integer held = slots.get(jobId);
    int slot = held != null ? held : free(members);
    slots.put(jobId, slot);
    int first = FIRST + slot * SLOT;
    return first + "-" + (first + members + 3);
  }

  /**
   * Holds again the range {@code first-last} a job's cluster was given by an earlier gateway
   * process, so no new job gets it.
   */
  synchronized void restore(String jobId, String range) {
    try {
      int slot = (Integer.parseInt(range.split("-")[0]) - FIRST) / SLOT;
      if (slot >= 0 && slot < SLOTS) {
        slots.put(jobId, slot);
      }
    } catch (NumberFormatException notOurs) {
      // a range this gateway did not give: nothing to hold
    }
  }

  synchronized void give(String jobId) {
    slots.remove(jobId);
  }

  /** True when the {@code count} ports from {@code first} are free on loopback now. */
  private static boolean bindable(int first, int count) {
    for (int p = first; p < first + count; p++) {
      try (ServerSocket socket = new ServerSocket()) {
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), p), 1);
      } catch (IOException taken) {
        return false;
      }
    }
    return true;
  }

  private int free(int members) {
    for (int s = 0; s < SLOTS; s++) {
      if (!slots.containsValue(s) && bindable(FIRST + s * SLOT, members + 4)) {
        return s;
      }
    }
    throw new IllegalStateException(
        "all " + SLOTS + " cluster port ranges are held by running jobs");
  }
}
