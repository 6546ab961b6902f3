package io.qserverless.runtime;

/**
 * The root of the runtime API's exceptions: a failed task, a task that can never fit, a gateway
 * call from inside the job that failed, a result that cannot be saved.
 */
public class ServerlessException extends RuntimeException {
  public ServerlessException(String message) {
    super(message);
  }

  public ServerlessException(String message, Throwable cause) {
    super(message, cause);
  }
}
