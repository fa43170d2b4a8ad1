-- coupon_load: load an offer's counters (recounted from the ledger) under an epoch, unless that
-- epoch is loaded already (two workers may load at once; the second must not overwrite counts
-- that reservations have moved since).
--
-- KEYS[1]   the offer's state epoch
-- KEYS[2]   the offer's redemption reservations under this epoch (dropped, if any survived)
-- KEYS[3]   the offer's issue reservations under this epoch (dropped, if any survived)
-- KEYS[4..] counter keys (offer and account counts, last times, coupon uses and reversals)
-- ARGV[1]   the epoch
-- ARGV[2..] the value of each counter key, in order ("0" deletes the key)
--
-- Returns 1 if loaded, 0 if the epoch was loaded already.
-- On a Redis Cluster it also stamps `<offer tag>:node` with this node's id (the node fence of
-- prelude/redemption_limits.lua: counters are trusted only on the node that loaded them).
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return 0
end
redis.call('DEL', KEYS[2], KEYS[3])
for i = 4, #KEYS do
  if ARGV[i - 2] == '0' then redis.call('DEL', KEYS[i]) else redis.call('SET', KEYS[i], ARGV[i - 2]) end
end
redis.call('SET', KEYS[1], ARGV[1])
local node = redis.pcall('CLUSTER', 'MYID')
if type(node) == 'string' then redis.call('SET', (string.gsub(KEYS[1], ':epoch$', ':node')), node) end
return 1
