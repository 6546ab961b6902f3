package io.qserverless.gateway.error;

import java.util.List;

/**
 * Arguments that fail their function's JSON Schema (or a schema that cannot be used): a 400 whose
 * body also carries {@code path}, the segments leading to the offending value (property names and
 * array indices), as the original's {@code InvalidArgumentsException} answers.
 */
public final class InvalidArgumentsException extends RequestRefusedException {
  private final List<Object> path;

  public InvalidArgumentsException(String message, List<Object> path) {
    super(message);
    this.path = List.copyOf(path);
  }

  public List<Object> path() {
    return path;
  }
}
