package io.qserverless.protocol.value;

import io.qserverless.protocol.circuit.CircuitJson;
import io.qserverless.protocol.internal.Base64Zlib;
import io.qserverless.protocol.qpy.Qpy;
import io.qserverless.protocol.qpy.QpyException;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.qasm3.OpenQasm;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * {@code QuantumCircuit} in the envelope. Three value forms are read: base64 of zlib'd QPY (what
 * the Python client sends, recognized by its base64 alphabet and zlib header, e.g. "eJ..."),
 * OpenQASM 2 or 3 text (handy in a CLI arguments file or a curl call; OpenQASM always holds spaces
 * or semicolons, which base64 never does), and the project's circuit JSON object.
 *
 * <p>Written as QPY, so that both the Python client and the Java SDK read results, in the lowest
 * QPY version this process has received (a client sends what its Qiskit reads), else {@link
 * Qpy#DEFAULT_VERSION}. A circuit QPY cannot carry exactly (a delay in ns, see {@code
 * CircuitWriter}) is written as circuit JSON, which only the Java SDK reads.
 */
final class CircuitValue implements TypedValue<QuantumCircuit> {
  private static volatile int replyVersion = Qpy.DEFAULT_VERSION;

  @Override
  public String name() {
    return "QuantumCircuit";
  }

  @Override
  public Class<QuantumCircuit> type() {
    return QuantumCircuit.class;
  }

  @Override
  public JsonNode encode(QuantumCircuit value) {
    byte[] qpy;
    try {
      qpy = Qpy.dump(List.of(value), replyVersion);
    } catch (QpyException e) {
      return CircuitJson.toTree(value);
    }
    return JsonNodeFactory.instance.stringNode(Base64Zlib.encode(qpy));
  }

  @Override
  public QuantumCircuit decode(JsonNode value) {
    if (!value.isString()) {
      return CircuitJson.fromTree(value);
    }
    String text = value.asString();
    if (!Base64Zlib.looksLikeIt(text)) {
      return OpenQasm.loads(text);
    }
    byte[] qpy;
    try {
      qpy = Base64Zlib.decode(text, "the QPY circuit");
    } catch (IllegalArgumentException e) {
      throw new ValueEncodingException(e.getMessage(), e);
    }
    List<QuantumCircuit> circuits = Qpy.load(qpy);
    if (circuits.size() != 1) {
      throw new ValueEncodingException(
          "the QPY payload holds "
              + circuits.size()
              + " circuits: a QuantumCircuit value holds exactly one (send a list of values for several)");
    }
    replyVersion = Math.min(replyVersion, Qpy.version(qpy));
    return circuits.get(0);
  }
}
