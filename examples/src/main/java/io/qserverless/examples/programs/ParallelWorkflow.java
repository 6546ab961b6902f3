package io.qserverless.examples.programs;

import static io.qserverless.runtime.Serverless.arguments;
import static io.qserverless.runtime.Serverless.distribute;
import static io.qserverless.runtime.Serverless.get;
import static io.qserverless.runtime.Serverless.saveResult;

import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.primitives.QuasiDistribution;
import io.qserverless.quantum.primitives.Sampler;
import io.qserverless.runtime.TaskRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The seed "parallel-workflows-in-programs": one distributed task per circuit computes the
 * circuit's exact quasi-distribution with the Sampler; the program gets them all and saves {@code
 * {"results": [{"1": 0.5, "3": 0.5}, ...]}}.
 *
 * <p>Argument {@code circuits}: a list of measured circuits.
 */
public final class ParallelWorkflow {
  private ParallelWorkflow() {}

  public static void main(String[] args) {
    List<QuantumCircuit> circuits = arguments().getList("circuits", QuantumCircuit.class);

    // Run the tasks asynchronously: each distribute returns a reference at once.
    List<TaskRef<QuasiDistribution>> sampleTaskReferences = new ArrayList<>();
    for (QuantumCircuit circuit : circuits) {
      sampleTaskReferences.add(distribute(() -> distributedSample(circuit)));
    }

    // Collect the results, in the order of the references.
    List<QuasiDistribution> results = get(sampleTaskReferences);
    saveResult(Map.of("results", results));
  }

  /** The distributed task: the quasi-distribution of {@code circuit}. */
  static QuasiDistribution distributedSample(QuantumCircuit circuit) {
    return new Sampler().run(circuit).result().quasiDists().get(0);
  }
}
