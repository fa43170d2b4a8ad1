-- coupon_check: the shared-state rules of coupon_redeem, read only (ValidateCoupon's dry run).
--
-- KEYS[1..4]  as coupon_redeem: epoch, offer count, account count, account last (ms)
-- ARGV[1]     the epoch the caller reads under
-- ARGV[2]     now (ms)
-- ARGV[3]     minimum gap (ms, 0 = none)
-- ARGV[4]     redemptions allowed per account (0 = unlimited)
-- ARGV[5]     redemptions allowed in total (0 = unlimited)
--
-- Returns a flat list of failing {code, detail} pairs in precedence order (codes as in
-- coupon_redeem: 3 gap with the time allowed again, 4 account limit, 5 offer limit), or {1, 0}
-- alone when the state is not loaded under this epoch.
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return {1, 0}
end
local failing = {}
local now = tonumber(ARGV[2])
local gap = tonumber(ARGV[3])
local last = tonumber(redis.call('GET', KEYS[4]) or '0')
if gap > 0 and last > 0 and now < last + gap then
  table.insert(failing, 3); table.insert(failing, last + gap)
end
local account_max = tonumber(ARGV[4])
if account_max > 0 and tonumber(redis.call('GET', KEYS[3]) or '0') >= account_max then
  table.insert(failing, 4); table.insert(failing, account_max)
end
local offer_max = tonumber(ARGV[5])
if offer_max > 0 and tonumber(redis.call('GET', KEYS[2]) or '0') >= offer_max then
  table.insert(failing, 5); table.insert(failing, offer_max)
end
return failing
