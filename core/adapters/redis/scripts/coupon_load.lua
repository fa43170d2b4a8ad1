-- coupon_load: load an offer's counters (recounted from the ledger) under an epoch, unless that
-- epoch is loaded already (two workers may load at once; the second must not overwrite counts
-- that reservations have moved since).
--
-- KEYS[1]  the offer's state epoch
-- KEYS[2]  the offer's redemption count
-- KEYS[3]  the offer's reservations under this epoch (dropped, if any survived a flush)
-- KEYS[4..] pairs of (account count, account last redemption ms), one pair per account
-- ARGV[1]  the epoch
-- ARGV[2]  the offer's redemption count
-- ARGV[3..] pairs of (account count, account last ms), matching KEYS[4..]
--
-- Returns 1 if loaded, 0 if the epoch was loaded already.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return 0
end
redis.call('DEL', KEYS[3])
redis.call('SET', KEYS[2], ARGV[2])
for i = 4, #KEYS, 2 do
  redis.call('SET', KEYS[i], ARGV[i - 1])
  if ARGV[i] == '0' then redis.call('DEL', KEYS[i + 1]) else redis.call('SET', KEYS[i + 1], ARGV[i]) end
end
redis.call('SET', KEYS[1], ARGV[1])
return 1
