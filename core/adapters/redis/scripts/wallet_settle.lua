-- wallet_settle: end a reservation of wallet_reserve, after the ledger commit (confirm) or
-- instead of it (release).
--
-- KEYS[1]  the wallet hash          KEYS[2] the wallet's reservations under the epoch
-- KEYS[3]  optional (release): the OTP hash the reservation used, made usable again
-- ARGV[1]  epoch                    ARGV[2] request key
-- ARGV[3]  "confirm" or "release"
-- ARGV[4]  confirm of a credit: the expiry (ms) of its points, or "" (lowers nexp)
--
-- confirm: a credit's delta joins the balance; a debit's already left it.
-- release: a debit's delta goes back to the balance; a credit never joined it; a refund's points
--          (|delta|: an earn's refund is a debit, a redemption's a credit) leave the refunded
--          transaction's refunded-so-far field again.
-- Returns 1 if the reservation was settled, 0 if there was none (settled already, e.g. by the
-- recovery sweep, or the wallet was reloaded under another epoch).
local held = redis.call('HGET', KEYS[2], ARGV[2])
if not held then
  return 0
end
local delta, refund = string.match(held, '^(-?%d+)|[^|]*|[^|]*|?([^|]*)$')
delta = tonumber(delta)
local loaded = redis.call('HGET', KEYS[1], 'epoch') == ARGV[1]
if ARGV[3] == 'confirm' then
  if delta > 0 and loaded then
    redis.call('HINCRBY', KEYS[1], 'bal', delta)
    if ARGV[4] ~= '' then
      local next_expiry = redis.call('HGET', KEYS[1], 'nexp')
      if not next_expiry or next_expiry == '' or tonumber(ARGV[4]) < tonumber(next_expiry) then
        redis.call('HSET', KEYS[1], 'nexp', ARGV[4])
      end
    end
  end
else
  if delta < 0 and loaded then
    redis.call('HINCRBY', KEYS[1], 'bal', -delta)
  end
  if loaded and refund ~= '' and redis.call('HEXISTS', KEYS[1], refund) == 1 then
    redis.call('HINCRBY', KEYS[1], refund, -math.abs(delta))
  end
  if KEYS[3] then
    redis.call('HSET', KEYS[3], 'used', '0')
  end
end
redis.call('HDEL', KEYS[2], ARGV[2])
return 1
