-- The original 12.1 (CDI 5.6) keeps the refresh token a rotation retired, and when, for its grace
-- period. Nullable: older cores, Authcore's and the original's, write rows without them. IF NOT
-- EXISTS because an original 12.1 on the same database adds them itself.
ALTER TABLE ${t}session_info ADD COLUMN IF NOT EXISTS prev_refresh_token_hash_2 VARCHAR(128);
ALTER TABLE ${t}session_info ADD COLUMN IF NOT EXISTS refresh_token_rotated_at BIGINT;
