package io.qserverless.runtime;

/**
 * A task's exception that could not travel back from a worker JVM as itself (it, or a value it
 * holds, is not serializable): its type's name, its message and its stack trace, as the cause of
 * the {@link TaskFailedException} that {@link Serverless#get(TaskRef)} throws.
 */
public final class RemoteTaskException extends ServerlessException {
  private final String remoteType;

  public RemoteTaskException(String remoteType, String message, Throwable cause) {
    super(remoteType + (message == null ? "" : ": " + message), cause);
    this.remoteType = remoteType;
  }

  /** The class name of the exception the task threw. */
  public String remoteType() {
    return remoteType;
  }
}
