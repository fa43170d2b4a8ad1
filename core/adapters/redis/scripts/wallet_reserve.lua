-- wallet_reserve: the one decision of a points movement on a member wallet. All checks come
-- before the first write.
--
-- A debit (delta < 0) is taken from the balance now and held as a reservation until the ledger
-- commit confirms it (or the failure releases it). A credit (delta > 0) is only recorded as a
-- reservation: the balance rises when the commit is confirmed, so no one can spend points that
-- are not durable yet.
--
-- A refund (ARGV[9] set) is also checked against what is left of what it refunds: the wallet hash
-- keeps, per refunded transaction, the points refunded so far, reserved and posted (field
-- "rf:<transaction id>", seeded from the ledger's posted refunds the first time this epoch's wallet
-- needs it). A refund adds its points to it here; its release takes them back; its confirm
-- leaves them. The refund of an earn is a debit (delta < 0), the refund of a redemption a credit
-- (delta > 0): both count |delta|.
--
-- KEYS[1]  the wallet hash {a:<account>}: epoch, bal (available points), nexp (next expiry ms),
--          rf:<earn id> (points refunded of that earn, reserved + posted)
-- KEYS[2]  the wallet's reservations under this epoch: request key ->
--          "delta|deadline|otp key|refund field"
-- KEYS[3]  optional: the OTP hash {a:<account>}:otp:<id>: mac, exp (ms), tries, used
-- ARGV[1]  epoch                     ARGV[2] request key
-- ARGV[3]  delta (signed points)     ARGV[4] reservation deadline (ms)
-- ARGV[5]  debits: the balance needed before it (0: none)
-- ARGV[6]  debits: the balance that must remain after it (0: none)
-- ARGV[7]  debits: the smallest amount (0: any)
-- ARGV[8]  debits: 1 to allow the balance to go negative (an overdraft refund, an expiry)
-- ARGV[9]  refunds: the refunded transaction's field "rf:<id>" ("" or absent for other movements)
-- ARGV[10] refunds: its points           ARGV[11] refunds: its refunded points per the ledger
-- ARGV[12] with KEYS[3]: the presented OTP's mac   ARGV[13] now (ms)   ARGV[14] max tries
--
-- Returns {0, balance after}                     reserved
--         {1}                                    wallet not loaded under this epoch: load, retry
--         {2}                                    this request is already reserved (in flight)
--         {3, balance}                           not enough points
--         {4, min amount}                        amount below the minimum
--         {5, threshold}                         balance threshold not met (before: ARGV[5])
--         {6, remaining}                         balance threshold not met (after: ARGV[6])
--         {7}                                    OTP unknown or expired
--         {8}                                    OTP used already
--         {9}                                    OTP locked (too many wrong codes)
--         {10, tries left}                       OTP wrong (this try counted)
--         {11, refundable}                       refund beyond what is left to refund
if redis.call('HGET', KEYS[1], 'epoch') ~= ARGV[1] then
  return {1}
end
if redis.call('HEXISTS', KEYS[2], ARGV[2]) == 1 then
  return {2}
end
local delta = tonumber(ARGV[3])
local balance = tonumber(redis.call('HGET', KEYS[1], 'bal'))
local otp = KEYS[3]
if otp then
  local state = redis.call('HMGET', otp, 'mac', 'exp', 'tries', 'used')
  if not state[1] or tonumber(state[2]) <= tonumber(ARGV[13]) then
    return {7}
  end
  if state[4] == '1' then
    return {8}
  end
  local tries = tonumber(state[3])
  local max_tries = tonumber(ARGV[14])
  if tries >= max_tries then
    return {9}
  end
  if state[1] ~= ARGV[12] then
    redis.call('HINCRBY', otp, 'tries', 1)
    return {10, max_tries - tries - 1}
  end
end
local refund = ARGV[9] or ''
if refund ~= '' then
  local refunded = tonumber(redis.call('HGET', KEYS[1], refund) or ARGV[11])
  local refundable = tonumber(ARGV[10]) - refunded
  if math.abs(delta) > refundable then
    return {11, math.max(refundable, 0)}
  end
end
if delta < 0 then
  local amount = -delta
  if amount < tonumber(ARGV[7]) then
    return {4, tonumber(ARGV[7])}
  end
  if ARGV[8] ~= '1' then
    if balance < tonumber(ARGV[5]) then
      return {5, tonumber(ARGV[5])}
    end
    if balance < amount then
      return {3, balance}
    end
    if balance - amount < tonumber(ARGV[6]) then
      return {6, tonumber(ARGV[6])}
    end
  end
  balance = redis.call('HINCRBY', KEYS[1], 'bal', delta)
end
if otp then
  redis.call('HSET', otp, 'used', '1')
end
if refund ~= '' then
  redis.call('HSETNX', KEYS[1], refund, ARGV[11])
  redis.call('HINCRBY', KEYS[1], refund, math.abs(delta))
end
redis.call('HSET', KEYS[2], ARGV[2], ARGV[3] .. '|' .. ARGV[4] .. '|' .. (otp or '') .. '|' .. refund)
return {0, balance}
