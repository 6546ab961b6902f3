package io.qserverless.gateway.sandbox;

import java.nio.file.Path;
import java.util.List;

/**
 * What one job process may reach: everything else on the machine is out of its view.
 *
 * @param user the uid and gid the program runs as, or {@link JobUsers#OWN} for the gateway's own
 *     user (in a user namespace)
 * @param workDir the program's working directory (read-only unless under a read-write path)
 * @param readOnly paths the job sees read-only at their own place: its artifact, every class path
 *     entry, its job directory
 * @param readWrite paths the job may write, at their own place (bound after, so they may lie inside
 *     a read-only one): its work directory and its owner's files
 * @param tmpBytes size of the job's private {@code /tmp} (memory-backed)
 * @param processes most processes (threads included) the job's user may have (RLIMIT_NPROC; the
 *     kernel counts them per uid, so all the processes of that user together)
 * @param fileBytes largest file the job may write (RLIMIT_FSIZE)
 * @param openFiles most open files per process (RLIMIT_NOFILE)
 * @param scratch a file in the job directory the sandbox may write for its start (the runner
 *     deletes it at the end)
 */
public record Confinement(
    long user,
    Path workDir,
    List<Path> readOnly,
    List<Path> readWrite,
    long tmpBytes,
    long processes,
    long fileBytes,
    long openFiles,
    Path scratch) {
  public Confinement {
    readOnly = List.copyOf(readOnly);
    readWrite = List.copyOf(readWrite);
  }
}
