package io.qserverless.quantum.transpiler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The directed graph of physical qubit pairs on which a device runs two-qubit gates, with all-pairs
 * hop distances precomputed for layout and routing.
 *
 * <p>An edge {@code [a, b]} means a two-qubit gate may act with {@code a} first (control) and
 * {@code b} second. Distances ignore direction: a gate on a reversed edge is fixed by local gates,
 * not by swaps. Immutable and thread-safe.
 */
public final class CouplingMap {
  private final int numQubits;
  private final List<int[]> edges;
  private final boolean[][] directed;
  private final int[][] neighbors;
  private final int[][] distance;

  /** Builds the map; edges must name distinct qubits in {@code [0, numQubits)}. */
  public CouplingMap(int numQubits, List<int[]> edges) {
    this.numQubits = numQubits;
    this.directed = new boolean[numQubits][numQubits];
    List<int[]> copy = new ArrayList<>();
    for (int[] e : edges) {
      if (e.length != 2 || e[0] == e[1] || !inRange(e[0]) || !inRange(e[1])) {
        throw new IllegalArgumentException(
            "coupling map edge "
                + Arrays.toString(e)
                + " must join two distinct qubits below "
                + numQubits);
      }
      if (!directed[e[0]][e[1]]) {
        directed[e[0]][e[1]] = true;
        copy.add(new int[] {e[0], e[1]});
      }
    }
    this.edges = List.copyOf(copy);
    this.neighbors = new int[numQubits][];
    for (int q = 0; q < numQubits; q++) {
      int[] row = new int[numQubits];
      int n = 0;
      for (int p = 0; p < numQubits; p++) {
        if (directed[q][p] || directed[p][q]) {
          row[n++] = p;
        }
      }
      neighbors[q] = Arrays.copyOf(row, n);
    }
    this.distance = new int[numQubits][];
    for (int q = 0; q < numQubits; q++) {
      distance[q] = bfs(q);
    }
  }

  private boolean inRange(int q) {
    return q >= 0 && q < numQubits;
  }

  private int[] bfs(int source) {
    int[] d = new int[numQubits];
    Arrays.fill(d, Integer.MAX_VALUE);
    d[source] = 0;
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(source);
    while (!queue.isEmpty()) {
      int q = queue.poll();
      for (int p : neighbors[q]) {
        if (d[p] == Integer.MAX_VALUE) {
          d[p] = d[q] + 1;
          queue.add(p);
        }
      }
    }
    return d;
  }

  public int numQubits() {
    return numQubits;
  }

  /** The directed edges, each as a fresh two-element array. */
  public List<int[]> edges() {
    return edges.stream().map(int[]::clone).toList();
  }

  /** Whether a two-qubit gate may act on {@code (a, b)} in this order. */
  public boolean hasEdge(int a, int b) {
    return directed[a][b];
  }

  /** Whether {@code a} and {@code b} are coupled in either direction. */
  public boolean areAdjacent(int a, int b) {
    return directed[a][b] || directed[b][a];
  }

  /** Qubits coupled to {@code q} in either direction, ascending. Do not modify. */
  public int[] neighbors(int q) {
    return neighbors[q];
  }

  /** Hop count between two qubits ignoring direction; {@link Integer#MAX_VALUE} if unreachable. */
  public int distance(int a, int b) {
    return distance[a][b];
  }

  /** Whether every qubit can reach every other one. */
  public boolean isConnected() {
    return numQubits == 0 || Arrays.stream(distance[0]).allMatch(d -> d != Integer.MAX_VALUE);
  }

  /** Whether every edge also exists in the reverse direction. */
  public boolean isSymmetric() {
    return edges.stream().allMatch(e -> directed[e[1]][e[0]]);
  }

  /** A shortest path from {@code a} to {@code b}, both included. */
  public int[] shortestPath(int a, int b) {
    if (distance[a][b] == Integer.MAX_VALUE) {
      throw new IllegalArgumentException("qubits " + a + " and " + b + " are not connected");
    }
    int[] path = new int[distance[a][b] + 1];
    path[0] = a;
    int at = a;
    for (int i = 1; i < path.length; i++) {
      for (int p : neighbors[at]) {
        if (distance[p][b] == distance[at][b] - 1) {
          at = p;
          break;
        }
      }
      path[i] = at;
    }
    return path;
  }
}
