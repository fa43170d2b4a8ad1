-- A tier may set how long the points its accounts earn stay valid (0: the program's policy).
ALTER TABLE tiers ADD COLUMN points_expiry_seconds bigint NOT NULL DEFAULT 0
    CHECK (points_expiry_seconds BETWEEN 0 AND 3660 * 86400);
