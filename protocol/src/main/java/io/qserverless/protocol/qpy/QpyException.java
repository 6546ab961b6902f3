package io.qserverless.protocol.qpy;

import io.qserverless.protocol.ProtocolException;

/**
 * QPY bytes that this reader cannot turn into a circuit, or a circuit the writer cannot express: a
 * feature outside the supported set ({@code QPY feature X (version V) is not supported}), or
 * malformed bytes (truncated, an unknown type key, an index out of range).
 *
 * <p>The reader never returns a circuit it only partly understood: anything it does not model
 * exactly is refused with this exception, naming the feature and the next step.
 */
public final class QpyException extends ProtocolException {
  public QpyException(String message) {
    super(message);
  }

  public QpyException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The refusal for a known QPY feature the Java circuit model does not represent. */
  public static QpyException unsupported(String feature, int version) {
    return new QpyException(
        "QPY feature "
            + feature
            + " (version "
            + version
            + ") is not supported:"
            + " the Java circuit model has no exact equivalent; rewrite the circuit without it"
            + " (e.g. qc.decompose() or transpile to standard gates) before sending it");
  }
}
