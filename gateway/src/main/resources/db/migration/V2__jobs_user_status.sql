-- Active-job counts per user and each user's oldest queued job (the scheduler's candidates).
CREATE INDEX jobs_user_status ON jobs (user_id, status, seq);
