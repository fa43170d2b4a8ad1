-- token_failure: count one wrong secret for a client id; lock the id out at the limit.
-- Both keys share the client's hash tag {c:<client_id>}.
--
-- KEYS[1]  the failure counter (expires with the window that its first failure opened)
-- KEYS[2]  the lock-out key
-- ARGV[1]  failures that lock the client id
-- ARGV[2]  window, seconds
-- ARGV[3]  lock-out, seconds
--
-- Returns the failures counted in the window (0 when this one locked the id: the count restarts).
local failures = redis.call('INCR', KEYS[1])
if failures == 1 then
  redis.call('EXPIRE', KEYS[1], tonumber(ARGV[2]))
end
if failures >= tonumber(ARGV[1]) then
  redis.call('SET', KEYS[2], 1, 'EX', tonumber(ARGV[3]))
  redis.call('DEL', KEYS[1])
  return 0
end
return failures
