-- coupon_unredeem: a committed redemption was reversed (or a released one landed after all,
-- with ARGV[1] = 1): move the counters by ARGV[1] (-1 or +1), never below zero.
--
-- KEYS[1]  the offer's redemption count
-- KEYS[2]  the account's redemption count of the offer
-- ARGV[1]  the change: -1 or 1
local delta = tonumber(ARGV[1])
for _, key in ipairs(KEYS) do
  if delta > 0 or tonumber(redis.call('GET', key) or '0') > 0 then
    redis.call('INCRBY', key, delta)
  end
end
return 1
