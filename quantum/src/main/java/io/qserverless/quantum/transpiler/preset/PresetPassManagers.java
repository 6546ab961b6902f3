package io.qserverless.quantum.transpiler.preset;

import io.qserverless.quantum.backends.Backend;
import io.qserverless.quantum.transpiler.BasePass;
import io.qserverless.quantum.transpiler.PassManager;
import io.qserverless.quantum.transpiler.Target;
import io.qserverless.quantum.transpiler.TransformationPass;
import io.qserverless.quantum.transpiler.TranspilerException;
import io.qserverless.quantum.transpiler.passes.basis.BasisTranslator;
import io.qserverless.quantum.transpiler.passes.basis.DecomposeSwaps;
import io.qserverless.quantum.transpiler.passes.basis.GateDirection;
import io.qserverless.quantum.transpiler.passes.layout.ApplyLayout;
import io.qserverless.quantum.transpiler.passes.layout.PerfectLayout;
import io.qserverless.quantum.transpiler.passes.layout.SabreLayout;
import io.qserverless.quantum.transpiler.passes.layout.TrivialLayout;
import io.qserverless.quantum.transpiler.passes.optimization.InverseCancellation;
import io.qserverless.quantum.transpiler.passes.optimization.Optimize1qGatesDecomposition;
import io.qserverless.quantum.transpiler.passes.optimization.RepeatUntilStable;
import io.qserverless.quantum.transpiler.passes.optimization.ResynthesizeTwoQubitBlocks;
import io.qserverless.quantum.transpiler.passes.routing.BasicSwap;
import io.qserverless.quantum.transpiler.passes.routing.SabreSwap;
import java.util.ArrayList;
import java.util.List;

/**
 * Qiskit's {@code generate_preset_pass_manager}: the pass manager for optimization level 0–3 and a
 * backend, assembled from one table of stage choices.
 *
 * <pre>{@code
 * PassManager pm = PresetPassManagers.generate(2, Backends.get("fake_kolkata"));
 * QuantumCircuit isa = pm.run(circuit);
 * }</pre>
 *
 * <p>Stages, in order: init (2q block resynthesis), layout, routing, translation (basis, then gate
 * direction), optimisation. Levels differ only in their row of {@link #LEVELS}. Seeded, so the same
 * input gives the same output.
 */
public final class PresetPassManagers {
  /** The seed used when none is given. */
  public static final long DEFAULT_SEED = 20_240_501L;

  /**
   * One level's choices.
   *
   * @param perfectLayout try a swap-free layout first
   * @param layoutTrials SABRE layout starts; 0 means trivial layout
   * @param layoutIterations SABRE forward-backward rounds per start
   * @param routingTrials SABRE routing trials; 0 means basic swap routing
   * @param resynthesize collapse two-qubit blocks by KAK synthesis where it saves CX
   * @param optimize merge single-qubit runs and cancel inverse pairs
   */
  private record StageChoices(
      boolean perfectLayout,
      int layoutTrials,
      int layoutIterations,
      int routingTrials,
      boolean resynthesize,
      boolean optimize) {}

  private static final List<StageChoices> LEVELS =
      List.of(
          new StageChoices(false, 0, 0, 0, false, false),
          new StageChoices(true, 2, 1, 1, false, true),
          new StageChoices(true, 8, 2, 4, true, true),
          new StageChoices(true, 16, 3, 8, true, true));

  private PresetPassManagers() {}

  /** The preset pass manager for a backend. */
  public static PassManager generate(int optimizationLevel, Backend backend) {
    return generate(optimizationLevel, backend.target(), DEFAULT_SEED);
  }

  /** The preset pass manager for a target, with a seed for the layout and routing searches. */
  public static PassManager generate(int optimizationLevel, Target target, long seed) {
    if (optimizationLevel < 0 || optimizationLevel >= LEVELS.size()) {
      throw new TranspilerException(
          "optimization level " + optimizationLevel + " does not exist; use 0, 1, 2 or 3");
    }
    StageChoices c = LEVELS.get(optimizationLevel);
    List<BasePass> passes = new ArrayList<>();
    if (c.resynthesize()) {
      passes.add(new ResynthesizeTwoQubitBlocks());
    }
    if (c.perfectLayout()) {
      passes.add(new PerfectLayout(target));
    }
    passes.add(
        c.layoutTrials() == 0
            ? new TrivialLayout(target)
            : new SabreLayout(target, c.layoutTrials(), c.layoutIterations(), seed));
    passes.add(new ApplyLayout(target));
    passes.add(
        c.routingTrials() == 0
            ? new BasicSwap(target)
            : new SabreSwap(target, c.routingTrials(), seed));
    if (c.optimize()) {
      passes.add(new DecomposeSwaps());
      passes.add(new InverseCancellation());
    }
    if (c.resynthesize()) {
      passes.add(new ResynthesizeTwoQubitBlocks());
    }
    passes.add(new BasisTranslator(target));
    passes.add(new GateDirection(target));
    if (c.optimize()) {
      List<TransformationPass> loop =
          List.of(new Optimize1qGatesDecomposition(target), new InverseCancellation());
      passes.add(new RepeatUntilStable(loop, 5));
    }
    return new PassManager(passes);
  }

  /** Same as {@link #generate(int, Backend)}, with Qiskit's name. */
  public static PassManager generatePresetPassManager(int optimizationLevel, Backend backend) {
    return generate(optimizationLevel, backend);
  }
}
