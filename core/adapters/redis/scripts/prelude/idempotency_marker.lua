-- prelude idempotency_marker: what an idempotency marker says about a request, shared by
-- idempotency_claim and coupon_redeem (which claims the request id with its reservation). A marker
-- is 'P:<fingerprint>' (in flight), 'D:<fingerprint>' or 'D:<fingerprint>:<record time>' (done).

-- nil when `marker` holds nothing (the request id is free), else 1 in flight, 2 done (the same
-- request), 3 reused (another request's fingerprint).
local function marker_claim(marker, fingerprint)
  local current = redis.call('GET', marker)
  if not current then
    return nil
  end
  local owner = string.sub(current, 3)
  local bar = string.find(owner, ':', 1, true)
  if bar then
    owner = string.sub(owner, 1, bar - 1)
  end
  if owner ~= fingerprint then
    return 3
  end
  if string.sub(current, 1, 1) == 'P' then
    return 1
  end
  return 2
end
