-- coupon_unredeem: a committed redemption was reversed (or a released one landed after all,
-- with ARGV[1] = 1): move the counters by ARGV[1] (-1 or +1), never below zero.
--
-- KEYS[1]  the offer's redemption count
-- KEYS[2]  the account's redemption count of the offer
-- KEYS[3]  optional: the coupon's use count; KEYS[4] its reversal count (+1 on a reversal)
-- ARGV[1]  the change: -1 or 1
local delta = tonumber(ARGV[1])
for i = 1, math.min(#KEYS, 3) do
  if delta > 0 or tonumber(redis.call('GET', KEYS[i]) or '0') > 0 then
    redis.call('INCRBY', KEYS[i], delta)
  end
end
if KEYS[4] and delta < 0 then
  redis.call('INCR', KEYS[4])
end
return 1
