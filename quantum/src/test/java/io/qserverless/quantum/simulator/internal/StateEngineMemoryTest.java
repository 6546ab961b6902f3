package io.qserverless.quantum.simulator.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qserverless.quantum.simulator.Precision;
import org.junit.jupiter.api.Test;

/** The heap check in front of the state allocation, with the machine's 24 GiB as the limit. */
class StateEngineMemoryTest {
  private static final long GIB = 1L << 30;

  @Test
  void twenty_eight_qubits_double_and_twenty_nine_single_fit_a_24_gib_heap() {
    assertThatCode(() -> StateEngine.requireHeap(28, Precision.DOUBLE, 24 * GIB))
        .doesNotThrowAnyException();
    assertThatCode(() -> StateEngine.requireHeap(29, Precision.DOUBLE, 24 * GIB))
        .doesNotThrowAnyException();
    assertThatCode(() -> StateEngine.requireHeap(29, Precision.SINGLE, 6 * GIB))
        .doesNotThrowAnyException();
  }

  @Test
  void twenty_nine_qubits_double_in_a_6_gib_heap_is_refused_with_the_way_out() {
    assertThatThrownBy(() -> StateEngine.requireHeap(29, Precision.DOUBLE, 6 * GIB))
        .hasMessage(
            "a 29-qubit state in double precision needs 8.0 GiB but the JVM's maximum heap is 6.0 GiB: "
                + "start Java with a larger -Xmx (at least 9g) or single precision (4.0 GiB)");
  }
}
