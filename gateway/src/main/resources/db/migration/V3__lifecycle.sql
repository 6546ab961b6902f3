-- The per-user count of active (queued or started) jobs, kept by the job lifecycle in the same
-- transaction as each job's insert and final transition, so the active-job limit is one
-- conditional update (concurrent runs of one user cannot pass it, and no count scans the queue).
ALTER TABLE users ADD COLUMN active_jobs INT NOT NULL DEFAULT 0;
UPDATE users SET active_jobs = (SELECT COUNT(*) FROM jobs WHERE jobs.user_id = users.id
  AND jobs.status IN ('QUEUED', 'PENDING', 'RUNNING'));
-- How many times a job was handed to a runner: names the attempt whose wrapper may report that it
-- never started the program.
ALTER TABLE jobs ADD COLUMN attempts INT NOT NULL DEFAULT 0;
