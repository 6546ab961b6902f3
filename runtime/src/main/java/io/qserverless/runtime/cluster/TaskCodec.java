package io.qserverless.runtime.cluster;

import io.qserverless.runtime.RemoteTaskException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

/**
 * Tasks, results and task exceptions as bytes between the JVMs of a job's cluster (Java
 * serialization: a lambda whose target type is {@code Serializable} travels with what it captures).
 *
 * <p>Tasks are encoded at {@code distribute}, in the caller's thread, so that one capturing a value
 * that cannot travel fails there, naming the value's type, and not later at {@code get}.
 */
final class TaskCodec {
  private TaskCodec() {}

  static byte[] encodeTask(Object task) {
    try {
      return encode(task);
    } catch (NotSerializableException e) {
      throw new IllegalArgumentException(
          "the task captures a value of type "
              + e.getMessage()
              + ", which is not java.io.Serializable, so it cannot travel to a worker JVM: make "
              + e.getMessage()
              + " Serializable, or capture only what the task needs (numbers, strings, records, circuits) and"
              + " build the rest inside the task",
          e);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "the task cannot be serialized to travel to a worker JVM: " + e, e);
    }
  }

  /** The result's bytes; a result that cannot travel becomes the task's failure. */
  static Outcome encodeResult(Object value) {
    try {
      return new Outcome(false, encode(value));
    } catch (IOException e) {
      String type = e instanceof NotSerializableException ? e.getMessage() : String.valueOf(e);
      return encodeFailure(
          new IllegalArgumentException(
              "the task returned a value holding a "
                  + type
                  + ", which is not java.io.Serializable, so it cannot travel back from the worker JVM: return"
                  + " Serializable values (numbers, strings, lists, maps, records, circuits)"));
    }
  }

  /**
   * The exception's bytes; one that cannot travel as itself travels as a {@link
   * RemoteTaskException}.
   */
  static Outcome encodeFailure(Throwable failure) {
    try {
      return new Outcome(true, encode(failure));
    } catch (IOException notSerializable) {
      try {
        return new Outcome(true, encode(portable(failure)));
      } catch (IOException e) {
        throw new IllegalStateException("a RemoteTaskException failed to serialize", e);
      }
    }
  }

  static Object decode(byte[] bytes) throws IOException, ClassNotFoundException {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return in.readObject();
    }
  }

  private static byte[] encode(Object value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    return bytes.toByteArray();
  }

  private static RemoteTaskException portable(Throwable t) {
    RemoteTaskException copy =
        new RemoteTaskException(
            t.getClass().getName(),
            t.getMessage(),
            t.getCause() == null || t.getCause() == t ? null : portable(t.getCause()));
    copy.setStackTrace(t.getStackTrace());
    return copy;
  }

  /** A task's outcome on the wire: its result's bytes, or its exception's. */
  record Outcome(boolean failed, byte[] bytes) {}
}
