-- code_pool_draw: take one unissued code from an offer's series pools, in the order given.
--
-- KEYS[1]     the offer's state epoch
-- KEYS[2..]   the pools (sets of unissued codes) of the series to draw from, in order
-- ARGV[1]     the epoch the caller's reservation was made under
--
-- Returns:
--   {0, code, i}  drawn: the code, from the pool KEYS[i + 1]
--   {1}           the offer's state is not loaded under this epoch (rebuild, then retry)
--   {2}           every pool is empty
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return {1}
end
for i = 2, #KEYS do
  local code = redis.call('SPOP', KEYS[i])
  if code then
    return {0, code, i - 1}
  end
end
return {2}
