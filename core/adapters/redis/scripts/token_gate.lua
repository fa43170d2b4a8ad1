-- token_gate: admission of one IssueToken / RefreshToken call to a token bucket, unless locked.
-- Both keys share one hash tag (a client's {c:<client_id>} or a peer's {p:<address>}).
--
-- KEYS[1]  the lock-out key (exists = locked; its TTL is the time left)
-- KEYS[2]  the token bucket (hash: tokens, ms)
-- ARGV[1]  bucket refill rate, tokens per minute
-- ARGV[2]  bucket size (burst)
-- ARGV[3]  1 to check the lock-out, 0 not to (RefreshToken is not locked out)
--
-- Returns {code, retry_after_ms}; nothing is written unless admitted:
--   {0, 0}   admitted: one token taken
--   {1, ms}  locked out for ms more
--   {2, ms}  over the rate: retry after ms
if tonumber(ARGV[3]) == 1 then
  local left = redis.call('PTTL', KEYS[1])
  if left > 0 then
    return {1, left}
  end
end
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local time = redis.call('TIME')
local now_ms = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[2], 'tokens', 'ms')
local tokens = tonumber(state[1]) or burst
local last_ms = tonumber(state[2]) or now_ms
tokens = math.min(burst, tokens + math.max(0, now_ms - last_ms) * rate / 60000)
if tokens < 1 then
  return {2, math.ceil((1 - tokens) * 60000 / rate)}
end
redis.call('HSET', KEYS[2], 'tokens', tostring(tokens - 1), 'ms', now_ms)
redis.call('PEXPIRE', KEYS[2], math.ceil(burst * 60000 / rate) + 1000)
return {0, 0}
