-- prelude redemption_limits: the gap and limit rule of an offer's redemptions (and, on the issue
-- keys, of its issues), shared by coupon_redeem and coupon_check. The loader
-- (core/adapters/redis/scripts.py) prepends this file to every script with the line
-- "-- prelude: redemption_limits". Its Python twin, for reads outside a script (ListDeals), is
-- core/domain/coupons.py applied_limits / limit_failures.

-- The limits that apply: the live ones (hash: version, gap, account_max, max, published by
-- offer_limits.lua) when they are at least as new as the caller's offer version, else the
-- caller's; the fourth value says whether the caller's (newer) limits should be written back.
local function applied_limits(live_key, version, gap, account_max, offer_max)
  local live = redis.call('HMGET', live_key, 'version', 'gap', 'account_max', 'max')
  if live[1] and tonumber(live[1]) >= version then
    return tonumber(live[2]), tonumber(live[3]), tonumber(live[4]), false
  end
  return gap, account_max, offer_max, version > 0
end

-- The failing checks as a flat list of {code, detail} pairs in precedence order (3 the gap, with
-- the time allowed again; 4 the account's limit; 5 the offer's limit), stopping at the first one
-- when first_only; and the account's last time (ms, 0 = none).
local function limit_failures(now, gap, account_max, offer_max, last_key, account_key, offer_key, first_only)
  local failing = {}
  local last = tonumber(redis.call('GET', last_key) or '0')
  if gap > 0 and last > 0 and now < last + gap then
    table.insert(failing, 3); table.insert(failing, last + gap)
    if first_only then return failing, last end
  end
  if account_max > 0 and tonumber(redis.call('GET', account_key) or '0') >= account_max then
    table.insert(failing, 4); table.insert(failing, account_max)
    if first_only then return failing, last end
  end
  if offer_max > 0 and tonumber(redis.call('GET', offer_key) or '0') >= offer_max then
    table.insert(failing, 5); table.insert(failing, offer_max)
  end
  return failing, last
end


-- The node fence (Redis Cluster, DESIGN.md section 5; README "Failover"): an offer's counters are
-- valid only on the node that loaded them (coupon_load stamps `<offer tag>:node` with CLUSTER
-- MYID). A replica promoted after its master died may have lost the master's last writes: there
-- the stamp names the old master, so the offer answers "not loaded" ({1, 0}) until the rebuild
-- the server runs on the new topology (core/adapters/redis/state.py) loads it again, under a new
-- epoch. On a single Redis (no CLUSTER command) there is no fence.
local fence_node = redis.pcall('CLUSTER', 'MYID')
if type(fence_node) == 'string'
    and redis.call('GET', (string.gsub(KEYS[1], ':epoch$', ':node'))) ~= fence_node then
  return {1, 0}
end
