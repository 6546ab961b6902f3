package io.qserverless.protocol.qpy.internal;

import io.qserverless.protocol.qpy.QpyException;
import io.qserverless.quantum.circuit.Parameter;
import io.qserverless.quantum.circuit.QuantumCircuit;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole QPY file: the {@code QISKIT} preface, the file header (version, the writing Qiskit's
 * version, circuit count, symbolic encoding), the program type key, from version 16 the circuit
 * start table, then the circuit payloads (qiskit/qpy/interface.py {@code dump}/{@code load}).
 */
public final class QpyFile {
  public static final int MIN_VERSION = 13;
  public static final int MAX_VERSION = 17;
  private static final byte[] PREFACE = {'Q', 'I', 'S', 'K', 'I', 'T'};

  /**
   * The earliest Qiskit release writing each version (the QPY version table), so that no reader
   * warns.
   */
  private static final int[][] WRITER = {{1, 3, 0}, {2, 0, 0}, {2, 1, 0}, {2, 1, 1}, {2, 3, 0}};

  private QpyFile() {}

  /** The format version of QPY {@code data}, checking its preface. */
  public static int version(byte[] data) {
    QpyInput in = new QpyInput(data);
    for (byte b : PREFACE) {
      if (in.remaining() == 0 || in.u8("preface") != (b & 0xff)) {
        throw new QpyException(
            "not QPY data: it does not start with QISKIT (write it with qiskit.qpy.dump)");
      }
    }
    return in.u8("QPY version");
  }

  public static List<QuantumCircuit> read(byte[] data) {
    int version = version(data);
    if (version < MIN_VERSION || version > MAX_VERSION) {
      throw new QpyException(
          "QPY version "
              + version
              + " is not supported: this gateway reads versions "
              + MIN_VERSION
              + " to "
              + MAX_VERSION
              + " (Qiskit 1.3 and later write them); dump with qpy.dump(..., version="
              + MAX_VERSION
              + ") or upgrade Qiskit");
    }
    QpyInput in = new QpyInput(data);
    in.skip(PREFACE.length + 1 + 3, "file header");
    int count = in.count(in.i64("circuit count"), 29, "circuits");
    char encoding = in.ascii("symbolic encoding");
    if (encoding != 'p' && encoding != 'e') {
      throw new QpyException(
          "QPY symbolic encoding '" + encoding + "' is unknown: expected p or e");
    }
    char type = in.ascii("program type");
    if (type != 'q') {
      throw QpyException.unsupported(
          type == 's' ? "pulse schedules (ScheduleBlock)" : "program type '" + type + "'", version);
    }
    long[] offsets = new long[count];
    if (version >= 16) {
      for (int i = 0; i < count; i++) {
        offsets[i] = in.i64("circuit offset");
      }
    }
    List<QuantumCircuit> circuits = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      if (version >= 16) {
        in.seek(offsets[i], "circuit table entry " + i);
      }
      circuits.add(new CircuitReader(version, 0).read(in));
    }
    return circuits;
  }

  public static byte[] write(List<QuantumCircuit> circuits, int version) {
    if (version < MIN_VERSION || version > MAX_VERSION) {
      throw new IllegalArgumentException(
          "QPY version "
              + version
              + " cannot be written: use "
              + MIN_VERSION
              + " to "
              + MAX_VERSION);
    }
    int[] qiskit = WRITER[version - MIN_VERSION];
    QpyOutput out =
        new QpyOutput()
            .bytes(PREFACE)
            .u8(version)
            .u8(qiskit[0])
            .u8(qiskit[1])
            .u8(qiskit[2])
            .i64(circuits.size())
            .u8('p')
            .u8('q');
    List<byte[]> payloads = new ArrayList<>();
    CircuitWriter writer = new CircuitWriter(version);
    for (QuantumCircuit qc : circuits) {
      QpyOutput payload = new QpyOutput();
      writer.write(payload, qc);
      payloads.add(payload.toByteArray());
    }
    if (version >= 16) {
      long offset = out.size() + 8L * circuits.size();
      for (byte[] p : payloads) {
        out.i64(offset);
        offset += p.length;
      }
    }
    payloads.forEach(out::bytes);
    return out.toByteArray();
  }

  public static Parameter readParameter(byte[] struct) {
    QpyInput in = new QpyInput(struct);
    Parameter p = new Parameters(MAX_VERSION).readParameter(in);
    if (in.remaining() != 0) {
      throw new QpyException(
          "QPY parameter has " + in.remaining() + " bytes after its name: expected none");
    }
    return p;
  }

  public static byte[] writeParameter(Parameter parameter) {
    QpyOutput out = new QpyOutput();
    Parameters.writeParameter(out, parameter);
    return out.toByteArray();
  }
}
