-- code_pool_load: put a pool rebuilt from Postgres (loaded into a staging set) in place, unless
-- the offer's state is loaded under this epoch already (then the staging set is dropped).
-- Runs just before coupon_load, which sets the epoch.
--
-- KEYS[1]   the offer's state epoch
-- KEYS[2]   the staging set (may not exist: the series has no unissued code)
-- KEYS[3]   the pool
-- ARGV[1]   the epoch
--
-- Returns 1 if the pool was replaced, 0 if the epoch was loaded already.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[2])
  return 0
end
if redis.call('EXISTS', KEYS[2]) == 1 then
  redis.call('RENAME', KEYS[2], KEYS[3])
else
  redis.call('DEL', KEYS[3])
end
return 1
