-- code_pool_draw: take one unissued code from an offer's series pools, in the order given, and
-- note it as drawn (with a deadline) until the issue commits or gives it back; the sweep gives
-- back codes whose issue died in between.
--
-- KEYS[1]     the offer's state epoch
-- KEYS[2]     the offer's drawn codes under this epoch (hash: code -> "<series id>|<deadline ms>")
-- KEYS[3..]   the pools (sets of unissued codes) of the series to draw from, in order
-- ARGV[1]     the epoch the caller's reservation was made under
-- ARGV[2]     the deadline (unix ms) after which the sweep may give the code back
-- ARGV[3]     how long the drawn-codes hash lives after this draw (ms)
-- ARGV[4..]   the series id of each pool, in the same order
--
-- Returns:
--   {0, code, i}  drawn: the code, from the pool KEYS[i + 2]
--   {1}           the offer's state is not loaded under this epoch (rebuild, then retry)
--   {2}           every pool is empty
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return {1}
end
for i = 3, #KEYS do
  local code = redis.call('SPOP', KEYS[i])
  if code then
    redis.call('HSET', KEYS[2], code, ARGV[i + 1] .. '|' .. ARGV[2])
    redis.call('PEXPIRE', KEYS[2], ARGV[3])
    return {0, code, i - 2}
  end
end
return {2}
