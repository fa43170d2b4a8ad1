-- idempotency_claim: claim a request id for execution, or report what already holds it.
--
-- KEYS[1]  the request's marker key (rewards:idem:<client>:<request_id>)
-- ARGV[1]  the request fingerprint (hex)
-- ARGV[2]  in-flight marker TTL in milliseconds (the owner may die; the marker must not outlive it)
--
-- Returns:
--   0  claimed: the marker now says in flight; the caller executes the request
--   1  in flight: the same request is being executed by someone else
--   2  done: the same request already committed; replay its stored outcome from Postgres
--   3  reused: the request id holds a request with other parameters
--
-- A done marker is 'D:<fingerprint>:<record time, microseconds>' (the time tells the replay which
-- partition holds the record); 'D:<fingerprint>' and 'P:<fingerprint>' carry no time.
local current = redis.call('GET', KEYS[1])
if not current then
  redis.call('SET', KEYS[1], 'P:' .. ARGV[1], 'PX', ARGV[2])
  return 0
end
local owner = string.sub(current, 3)
local bar = string.find(owner, ':', 1, true)
if bar then
  owner = string.sub(owner, 1, bar - 1)
end
if owner ~= ARGV[1] then
  return 3
end
if string.sub(current, 1, 1) == 'P' then
  return 1
end
return 2
