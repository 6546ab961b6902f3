package io.qserverless.runtime;

import java.util.UUID;

/**
 * An id unique to the JVM that loads this class: PIDs may repeat across sandboxes, this does not.
 */
final class JvmId {
  static final String ID = UUID.randomUUID().toString();

  private JvmId() {}
}
