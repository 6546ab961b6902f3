package io.qserverless.gateway.auth;

import io.qserverless.gateway.error.NotAllowedException;

/**
 * Who is calling: a user, through either one of their API tokens or a job-scoped token.
 *
 * @param jobId the job a job-scoped token belongs to, or null for a user's API token
 */
public record Principal(long userId, String username, boolean admin, String jobId) {

  /** Refuses job-scoped tokens: they may touch only their own job and the owner's files. */
  public void requireUserToken() {
    if (jobId != null) {
      throw new NotAllowedException(
          "A job token may only touch its own job ("
              + jobId
              + ") and its owner's files; call this with the user's API token.");
    }
  }

  /** Refuses a job-scoped token of another job. */
  public void requireJob(String id) {
    if (jobId != null && !jobId.equals(id)) {
      throw new NotAllowedException(
          "This job token belongs to job " + jobId + " and may not touch job " + id + ".");
    }
  }

  public void requireAdmin() {
    requireUserToken();
    if (!admin) {
      throw new NotAllowedException(
          "Only an admin may do this; user '" + username + "' is not one.");
    }
  }
}
