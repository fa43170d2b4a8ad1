-- code_pool_release: give a drawn code back to its pool after the issue failed, unless the
-- offer's state was rebuilt since (the rebuilt pool holds every code Postgres has unissued).
--
-- KEYS[1]   the offer's state epoch
-- KEYS[2]   the series' pool
-- ARGV[1]   the epoch the code was drawn under
-- ARGV[2]   the code
--
-- Returns 1 if given back, 0 if the state was rebuilt since.
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return 0
end
redis.call('SADD', KEYS[2], ARGV[2])
return 1
