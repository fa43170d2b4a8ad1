-- coupon_check: the shared-state rules of coupon_redeem, read only (ValidateCoupon's dry run).
--
-- KEYS[1..4]  as coupon_redeem: epoch, offer count, account count, account last (ms)
-- ARGV[1]     the epoch the caller reads under
-- ARGV[2]     now (ms)
-- ARGV[3]     minimum gap (ms, 0 = none)
-- ARGV[4]     redemptions allowed per account (0 = unlimited)
-- ARGV[5]     redemptions allowed in total (0 = unlimited)
-- KEYS[5]     the offer's live redemption limits (as coupon_redeem's KEYS[6])
-- ARGV[6]     the version of the offer ARGV[3..5] come from: the newer of KEYS[5] and ARGV apply
--
-- Returns a flat list of failing {code, detail} pairs in precedence order (codes as in
-- coupon_redeem: 3 gap with the time allowed again, 4 account limit, 5 offer limit), or {1, 0}
-- alone when the state is not loaded under this epoch.
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return {1, 0}
end
local failing = {}
local now = tonumber(ARGV[2])
local gap, account_max, offer_max = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local live = redis.call('HMGET', KEYS[5], 'version', 'gap', 'account_max', 'max')
if live[1] and tonumber(live[1]) >= tonumber(ARGV[6] or '0') then
  gap, account_max, offer_max = tonumber(live[2]), tonumber(live[3]), tonumber(live[4])
end
local last = tonumber(redis.call('GET', KEYS[4]) or '0')
if gap > 0 and last > 0 and now < last + gap then
  table.insert(failing, 3); table.insert(failing, last + gap)
end
if account_max > 0 and tonumber(redis.call('GET', KEYS[3]) or '0') >= account_max then
  table.insert(failing, 4); table.insert(failing, account_max)
end
if offer_max > 0 and tonumber(redis.call('GET', KEYS[2]) or '0') >= offer_max then
  table.insert(failing, 5); table.insert(failing, offer_max)
end
return failing
