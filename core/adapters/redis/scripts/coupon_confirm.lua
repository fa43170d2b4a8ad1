-- coupon_confirm: a reserved redemption is committed in the ledger; drop its reservation.
--
-- KEYS[1]  the offer's state epoch
-- KEYS[2]  the offer's reservations of the reservation's epoch
-- ARGV[1]  request key
-- ARGV[2]  the epoch the reservation was made under
--
-- Returns:
--   1  confirmed
--   0  the reservation was gone under the same epoch: the sweep released it before the commit
--      landed, so the caller must count the redemption again (coupon_unredeem +1)
--   2  the state was rebuilt since: the rebuild counted this committed redemption already
if redis.call('HDEL', KEYS[2], ARGV[1]) == 1 then
  return 1
end
if redis.call('GET', KEYS[1]) == ARGV[2] then
  return 0
end
return 2
