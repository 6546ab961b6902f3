package io.qserverless.runtime.cluster;

import io.qserverless.runtime.Resources;

/**
 * One message between the members of a job's cluster; {@link Envelope} carries them in batches.
 *
 * @param kind what the message says
 * @param id the driver's placement id (RUN, DONE, FAILED, HOLD, RETAKE) or the submitter's own task
 *     id (SUBMIT, RESULT)
 * @param resources what a submitted task asks; null otherwise
 * @param bytes the task, its result or its exception (TaskCodec); null for HOLD and RETAKE
 */
record Item(Kind kind, long id, Resources resources, byte[] bytes) {
  enum Kind {
    /** Driver to member: run this task. */
    RUN,
    /**
     * Member to driver: the task placed there returned (bytes: result) or threw (bytes: exception).
     */
    DONE,
    FAILED,
    /** Worker to driver: place this task (a task running on the worker distributed it). */
    SUBMIT,
    SUBMIT_RETRYABLE,
    /** Driver to worker: the outcome of a task it submitted. */
    RESULT,
    RESULT_FAILED,
    /**
     * Member to driver: the task placed there waits for other tasks (gives its share back), or
     * woke.
     */
    HOLD,
    RETAKE;

    static final Kind[] ALL = values();

    boolean isSubmit() {
      return this == SUBMIT || this == SUBMIT_RETRYABLE;
    }

    boolean carriesBytes() {
      return this != HOLD && this != RETAKE;
    }
  }
}
