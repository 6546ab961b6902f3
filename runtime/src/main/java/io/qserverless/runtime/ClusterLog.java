package io.qserverless.runtime;

import io.qserverless.runtime.cluster.ClusterMember;

/** The driver's account of its cluster: a line in the job's log for each worker that joins or leaves. */
final class ClusterLog implements ClusterMember.Listener {
  @Override
  public void joined(String name, String address, Resources allotment) {
    System.err.println("cluster: " + name + " joined (" + address + "; " + allotment + ")");
  }

  @Override
  public void left(String name, String address) {
    System.err.println("cluster: " + name + " left (" + address + ")");
  }
}
