-- coupon_redeem: check an account's gap and limits on one offer and reserve a redemption.
-- Every key shares the offer's hash tag {o:<offer_id>}.
-- prelude: redemption_limits
-- prelude: idempotency_marker
--
-- KEYS[1]  the offer's state epoch (set by the rebuild; missing = state not loaded)
-- KEYS[2]  the offer's redemption count (reserved + confirmed)
-- KEYS[3]  the account's redemption count of the offer
-- KEYS[4]  the account's last redemption time of the offer (ms)
-- KEYS[5]  the offer's reservations of this epoch (hash: request key ->
--          "account|deadline_ms|now_ms|previous_last_ms"); it expires on its own once idle
-- ARGV[1]  the epoch the caller admits under
-- ARGV[2]  request key (client id and request id)
-- ARGV[3]  now (ms, server clock)
-- ARGV[4]  minimum gap between the account's redemptions (ms, 0 = none)
-- ARGV[5]  redemptions allowed per account (0 = unlimited)
-- ARGV[6]  redemptions allowed in total (0 = unlimited)
-- ARGV[7]  reservation deadline (ms): past it the recovery sweep confirms or releases it
-- ARGV[8]  account id
-- KEYS[6]  the offer's live limits of this kind (hash: version, gap, account_max, max), set by
--          UpdateOffer (offer_limits.lua) so that a changed limit holds at once in every worker
-- KEYS[7]  optional: the coupon's use count (issued coupons); KEYS[8] its reversal count
-- ARGV[9]  uses allowed per coupon (0 or absent = no coupon-level limit)
-- ARGV[10] the version of the offer ARGV[4..6] come from (0 or absent = unknown). The limits
--          of the newer of KEYS[6] and ARGV apply; newer ARGV are written to KEYS[6] on success.
-- ARGV[11] optional: the request's fingerprint (hex). With it, the LAST key is the request's
--          idempotency marker (under the offer's hash tag), claimed here with the reservation:
--          checked first, set to 'P:<fingerprint>' for ARGV[12] ms only when the reservation is
--          made (idempotency_claim.lua's rule; one round trip for claim and reservation).
--
-- Returns {code, detail}; checks in precedence order, nothing written unless reserved:
--   {7, c}      ARGV[11] given: the marker holds the request already (c: 1 in flight, 2 done,
--               3 reused with other parameters; idempotency_claim's codes); nothing written
--   {0, count}  reserved; count = the offer's redemptions including this one
--   {1, 0}      the offer's state is not loaded under this epoch: rebuild, then retry
--   {2, 0}      this request already holds a reservation
--   {6, r}      the coupon is used up (r = its reversals so far)
--   {3, ms}     the account's gap has not elapsed: allowed again at ms
--   {4, n}      the account reached its limit n
--   {5, n}      the offer reached its limit n
-- A reservation replies {0, count, reversals, account count, account limit, offer limit}: the
-- counts include this one and the limits are the ones applied (0 = none); a coupon's use is
-- named "<coupon>:<reversals>", which Postgres keeps unique.
local fingerprint = ARGV[11]
local marker = nil
if fingerprint and fingerprint ~= '' then
  marker = KEYS[#KEYS]
  local held = marker_claim(marker, fingerprint)
  if held then
    return {7, held}
  end
end
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return {1, 0}
end
if redis.call('HEXISTS', KEYS[5], ARGV[2]) == 1 then
  return {2, 0}
end
local coupon_max = tonumber(ARGV[9] or '0')
local reversals = 0
if coupon_max > 0 then
  reversals = tonumber(redis.call('GET', KEYS[8]) or '0')
  if tonumber(redis.call('GET', KEYS[7]) or '0') >= coupon_max then
    return {6, reversals}
  end
end
local version = tonumber(ARGV[10] or '0')
local gap, account_max, offer_max, refresh = applied_limits(KEYS[6], version, tonumber(ARGV[4]),
  tonumber(ARGV[5]), tonumber(ARGV[6]))
local now = tonumber(ARGV[3])
local failing, last = limit_failures(now, gap, account_max, offer_max, KEYS[4], KEYS[3], KEYS[2], true)
if #failing > 0 then
  return failing
end
if refresh then
  redis.call('HSET', KEYS[6], 'version', version, 'gap', gap, 'account_max', account_max, 'max', offer_max)
end
if coupon_max > 0 then
  redis.call('INCR', KEYS[7])
end
local count = redis.call('INCR', KEYS[2])
local account_count = redis.call('INCR', KEYS[3])
redis.call('SET', KEYS[4], now)
redis.call('HSET', KEYS[5], ARGV[2], ARGV[8] .. '|' .. ARGV[7] .. '|' .. now .. '|' .. last)
if marker then
  redis.call('SET', marker, 'P:' .. fingerprint, 'PX', ARGV[12])
end
-- The hash outlives its longest reservation (a basket's hold may be long): never shorten it.
local keep = math.max(60000, 2 * (tonumber(ARGV[7]) - now))
if redis.call('PTTL', KEYS[5]) < keep then
  redis.call('PEXPIRE', KEYS[5], keep)
end
return {0, count, reversals, account_count, account_max, offer_max}
