-- admit_request: the per-request security checks that need shared state, in one round trip.
-- All keys belong to one API client and share its hash tag ({c:<client_id>}).
--
-- KEYS[1]  denylist key of the access token's jti (exists = revoked)
-- KEYS[2]  nonce key of the request signature (ignored when ARGV[1] is 0)
-- KEYS[3]  the client's token bucket (hash: tokens, ms)
-- KEYS[4]  the client's state (hash: disabled = 1 when disabled, secret = current secret version),
--          mirrored from Postgres by `rewards-core clients` and by the state rebuild
-- ARGV[1]  nonce lifetime in seconds; 0 when the request is not signed
-- ARGV[2]  bucket refill rate, tokens per second
-- ARGV[3]  bucket size (burst)
-- ARGV[4]  secret version of the signing key that verified the signature; 0 when not signed
--
-- Returns {code, retry_after_ms}, checks in precedence order, nothing written unless admitted:
--   {0, 0}   admitted: nonce recorded, one token taken
--   {1, 0}   the access token is revoked
--   {4, 0}   the client is disabled
--   {5, 0}   the signature was made with a secret that was rotated away
--   {2, 0}   the nonce was already used
--   {3, ms}  over the rate: retry after ms
if redis.call('EXISTS', KEYS[1]) == 1 then
  return {1, 0}
end
local client = redis.call('HMGET', KEYS[4], 'disabled', 'secret')
if client[1] == '1' then
  return {4, 0}
end
local key_version = tonumber(ARGV[4]) or 0
if key_version > 0 and client[2] and tonumber(client[2]) > key_version then
  return {5, 0}
end
local nonce_ttl = tonumber(ARGV[1])
if nonce_ttl > 0 and redis.call('EXISTS', KEYS[2]) == 1 then
  return {2, 0}
end
local rate = tonumber(ARGV[2])
local burst = tonumber(ARGV[3])
local time = redis.call('TIME')
local now_ms = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[3], 'tokens', 'ms')
local tokens = tonumber(state[1]) or burst
local last_ms = tonumber(state[2]) or now_ms
tokens = math.min(burst, tokens + math.max(0, now_ms - last_ms) * rate / 1000)
if tokens < 1 then
  return {3, math.ceil((1 - tokens) * 1000 / rate)}
end
if nonce_ttl > 0 then
  redis.call('SET', KEYS[2], 1, 'EX', nonce_ttl)
end
redis.call('HSET', KEYS[3], 'tokens', tostring(tokens - 1), 'ms', now_ms)
redis.call('PEXPIRE', KEYS[3], math.ceil(burst * 1000 / rate) + 1000)
return {0, 0}
