-- wallet_apply: move a loaded wallet's balance by a committed delta whose reservation was
-- settled too early (the recovery sweep released it before the late commit landed), and/or
-- set its next expiry.
--
-- KEYS[1]  the wallet hash
-- ARGV[1]  epoch   ARGV[2] delta (signed; 0: none)   ARGV[3] next expiry (ms), "" for none, or
--          "keep"
-- ARGV[4]  optional: a refund's field "rf:<refunded id>", to which the refund's points (|delta|) return
-- Returns 1 if applied, 0 if the wallet is not loaded under this epoch (a reload from the
-- ledger includes the delta).
if redis.call('HGET', KEYS[1], 'epoch') ~= ARGV[1] then
  return 0
end
if ARGV[2] ~= '0' then
  redis.call('HINCRBY', KEYS[1], 'bal', ARGV[2])
end
if ARGV[4] and ARGV[4] ~= '' and redis.call('HEXISTS', KEYS[1], ARGV[4]) == 1 then
  redis.call('HINCRBY', KEYS[1], ARGV[4], math.abs(tonumber(ARGV[2])))
end
if ARGV[3] ~= 'keep' then
  redis.call('HSET', KEYS[1], 'nexp', ARGV[3])
end
return 1
