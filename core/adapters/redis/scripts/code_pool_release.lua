-- code_pool_release: settle a drawn code. Given back to its pool after the issue failed (or
-- died), unless the offer's state was rebuilt since (the rebuilt pool holds every code Postgres
-- has unissued) or the code is not noted as drawn any more (settled already, or revoked meanwhile:
-- code_pool_revoke forgets it); or, after the issue committed, only forgotten as drawn.
--
-- KEYS[1]   the offer's state epoch
-- KEYS[2]   the offer's drawn codes under the epoch the code was drawn under
-- KEYS[3]   the series' pool
-- ARGV[1]   the epoch the code was drawn under
-- ARGV[2]   the code
-- ARGV[3]   "1": give it back to the pool; "0": forget it (issued)
--
-- Returns 1 if given back, 0 otherwise.
local drawn = redis.call('HDEL', KEYS[2], ARGV[2])
if ARGV[3] ~= '1' or drawn == 0 or redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return 0
end
redis.call('SADD', KEYS[3], ARGV[2])
return 1
