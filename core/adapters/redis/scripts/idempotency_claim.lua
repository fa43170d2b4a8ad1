-- idempotency_claim: claim a request id for execution, or report what already holds it.
-- prelude: idempotency_marker
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
local held = marker_claim(KEYS[1], ARGV[1])
if held then
  return held
end
redis.call('SET', KEYS[1], 'P:' .. ARGV[1], 'PX', ARGV[2])
return 0
