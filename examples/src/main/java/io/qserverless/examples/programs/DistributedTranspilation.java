package io.qserverless.examples.programs;

import static io.qserverless.runtime.Serverless.arguments;
import static io.qserverless.runtime.Serverless.distribute;
import static io.qserverless.runtime.Serverless.get;
import static io.qserverless.runtime.Serverless.saveResult;
import static io.qserverless.runtime.Serverless.sendError;
import static io.qserverless.runtime.Serverless.updateStatus;

import io.qserverless.protocol.SubStatus;
import io.qserverless.quantum.backends.Backends;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.transpiler.PassManager;
import io.qserverless.quantum.transpiler.preset.PresetPassManagers;
import io.qserverless.runtime.Resources;
import io.qserverless.runtime.ServerlessException;
import io.qserverless.runtime.TaskRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The seed "manage-compute-and-data-resources": transpiles each circuit of {@code circuit_list} for
 * {@code backend} at {@code optimization_level} in its own distributed task, and saves the circuits
 * with the stage's resource usage.
 *
 * <p>Arguments: {@code circuit_list}, {@code optimization_level} (0-3), {@code backend} (a fake
 * backend name such as {@code fake_manila}); {@code task_cpu} (default 1, the seed's {@code
 * target={"cpu": 1}}; fractional allowed) and {@code task_mem} (bytes, default 0) for the other
 * task configurations of the seed.
 */
public final class DistributedTranspilation {
  private DistributedTranspilation() {}

  public static void main(String[] args) {
    List<QuantumCircuit> circuitList = arguments().getList("circuit_list", QuantumCircuit.class);
    int optimizationLevel = arguments().getInt("optimization_level");
    String backend = arguments().getString("backend");
    Resources target =
        Resources.cpu(arguments().get("task_cpu", Double.class, 1.0))
            .withMem(arguments().get("task_mem", Long.class, 0L));

    updateStatus(SubStatus.OPTIMIZING_HARDWARE);
    long start = System.nanoTime();
    List<QuantumCircuit> transpiledCircuits;
    try {
      List<TaskRef<QuantumCircuit>> transpileWorkerReferences = new ArrayList<>();
      for (QuantumCircuit circuit : circuitList) {
        transpileWorkerReferences.add(
            distribute(target, () -> transpileRemote(circuit, optimizationLevel, backend)));
      }
      transpiledCircuits = get(transpileWorkerReferences);
    } catch (ServerlessException e) {
      // Recorded as an ERROR event the client sees (job.events()), then the job fails with it.
      sendError("transpilation failed: " + e.getMessage(), e);
      throw e;
    }
    double seconds = (System.nanoTime() - start) / 1e9;

    saveResult(
        Map.of(
            "circuits",
            transpiledCircuits,
            "metadata",
            Map.of(
                "resource_usage",
                Map.of(
                    "RUNNING: OPTIMIZING_FOR_HARDWARE",
                    Map.of("CPU_TIME", seconds, "QPU_TIME", 0)))));
  }

  /** The distributed task: {@code circuit} as an ISA circuit of {@code backend}. */
  static QuantumCircuit transpileRemote(
      QuantumCircuit circuit, int optimizationLevel, String backend) {
    PassManager passManager =
        PresetPassManagers.generatePresetPassManager(optimizationLevel, Backends.get(backend));
    return passManager.run(circuit);
  }
}
