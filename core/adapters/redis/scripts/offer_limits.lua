-- offer_limits: publish an offer's limits after a change (UpdateOffer), unless newer ones are
-- there already (two updates' replies may arrive in any order). coupon_redeem and coupon_check
-- read them; every key shares the offer's hash tag {o:<offer_id>}.
--
-- KEYS[1]  the offer's live redemption limits (hash: version, gap, account_max, max)
-- KEYS[2]  the offer's live issue limits (same fields; gap: between an account's issues)
-- ARGV[1]  the offer's version
-- ARGV[2]  minimum gap between an account's redemptions (ms); ARGV[3] redemptions per account;
--          ARGV[4] redemptions in all; ARGV[5] issues per account; ARGV[6] issues in all
--          (0 = unlimited); ARGV[7] minimum gap between an account's issues (ms)
--
-- Returns 1 if written, 0 if newer limits were there.
local version = tonumber(ARGV[1])
local live = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
if live >= version then
  return 0
end
redis.call('HSET', KEYS[1], 'version', version, 'gap', ARGV[2], 'account_max', ARGV[3], 'max', ARGV[4])
redis.call('HSET', KEYS[2], 'version', version, 'gap', ARGV[7], 'account_max', ARGV[5], 'max', ARGV[6])
return 1
