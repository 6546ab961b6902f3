package io.qserverless.gateway.error;

/**
 * A service the gateway needs for this request failed, not the request itself: e.g. a Maven
 * repository that is down or served a file that fails its checksum. Answered 502; retrying later
 * (or the operator fixing the repository) helps, changing the request does not.
 */
public final class UpstreamFailedException extends RequestRefusedException {
  public UpstreamFailedException(String message) {
    super(message);
  }
}
