-- wallet_load: load a wallet's available balance and next expiry (read from the ledger) under
-- an epoch, unless that epoch is loaded already (two workers may load at once; the second must
-- not overwrite a balance that reservations have moved since).
--
-- KEYS[1]  the wallet hash         KEYS[2] its reservations under this epoch (dropped if any)
-- ARGV[1]  epoch   ARGV[2] available balance   ARGV[3] next expiry (ms) or ""
-- Returns 1 if loaded, 0 if the epoch was loaded already.
if redis.call('HGET', KEYS[1], 'epoch') == ARGV[1] then
  return 0
end
redis.call('DEL', KEYS[1], KEYS[2])
redis.call('HSET', KEYS[1], 'epoch', ARGV[1], 'bal', ARGV[2], 'nexp', ARGV[3])
return 1
