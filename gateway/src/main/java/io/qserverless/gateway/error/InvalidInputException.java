package io.qserverless.gateway.error;

/** Input that breaks the contract: bad JSON, an unknown value, an unsafe name or archive. */
public final class InvalidInputException extends RequestRefusedException {
  public InvalidInputException(String message) {
    super(message);
  }
}
