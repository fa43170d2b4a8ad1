-- coupon_check: the shared-state rules of coupon_redeem, read only (ValidateCoupon's dry run).
-- prelude: redemption_limits
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
local gap, account_max, offer_max = applied_limits(KEYS[5], tonumber(ARGV[6] or '0'), tonumber(ARGV[3]),
  tonumber(ARGV[4]), tonumber(ARGV[5]))
local failing = limit_failures(tonumber(ARGV[2]), gap, account_max, offer_max, KEYS[4], KEYS[3], KEYS[2], false)
return failing
