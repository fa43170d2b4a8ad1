-- coupon_release: undo a reservation whose ledger write failed definitely (or was never made).
--
-- KEYS[1..5]  as coupon_redeem (epoch, offer count, account count, account last, reservations)
-- KEYS[6]     the offer's live limits (unused here; keeps coupon_redeem's key order)
-- KEYS[7]     optional: the coupon's use count (given back too)
-- ARGV[1]     request key
-- ARGV[2]     the epoch the reservation was made under
--
-- Returns:
--   1  released: the counters gave the use back
--   0  nothing to release (released or confirmed before: never give a use back twice)
--   2  dropped without undo: the state was rebuilt since, and the rebuilt counts never held it
local reservation = redis.call('HGET', KEYS[5], ARGV[1])
if not reservation then
  return 0
end
redis.call('HDEL', KEYS[5], ARGV[1])
if redis.call('GET', KEYS[1]) ~= ARGV[2] then
  return 2
end
local _, _, now, previous = string.match(reservation, '^([^|]*)|([^|]*)|([^|]*)|([^|]*)$')
if tonumber(redis.call('GET', KEYS[2]) or '0') > 0 then redis.call('DECR', KEYS[2]) end
if tonumber(redis.call('GET', KEYS[3]) or '0') > 0 then redis.call('DECR', KEYS[3]) end
if KEYS[7] and tonumber(redis.call('GET', KEYS[7]) or '0') > 0 then redis.call('DECR', KEYS[7]) end
if redis.call('GET', KEYS[4]) == now then
  if previous == '0' then redis.call('DEL', KEYS[4]) else redis.call('SET', KEYS[4], previous) end
end
return 1
