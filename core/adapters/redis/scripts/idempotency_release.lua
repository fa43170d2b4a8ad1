-- idempotency_release: drop an in-flight marker that this request still owns.
--
-- KEYS[1]  the request's marker key
-- ARGV[1]  the request fingerprint (hex)
--
-- Returns 1 if the marker was released, 0 if it was not ours or no longer in flight (it expired
-- and another execution claimed it, or it is already done).
if redis.call('GET', KEYS[1]) == 'P:' .. ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
