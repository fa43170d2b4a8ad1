-- code_pool_revoke: take codes a committed revocation revoked out of their series' pool, and
-- forget them as drawn, so that an issue that drew one (and which Postgres refuses, the code
-- being revoked) never gives it back to the pool. Idempotent: a retry of the revocation runs it
-- again.
--
-- KEYS[1]   the series' pool
-- KEYS[2]   the offer's drawn codes under the current epoch
-- ARGV[1..] the revoked codes
--
-- Returns how many codes were taken out of the pool.
redis.call('HDEL', KEYS[2], unpack(ARGV))
return redis.call('SREM', KEYS[1], unpack(ARGV))
