-- wallet_cap: take what is left of an earn rule's cap per period for one award, atomically.
-- The counter is per account, rule, period and epoch (under the account's hash tag); it starts
-- from the points the ledger holds for the period, and expires with the period.
--
-- KEYS[1]  the counter
-- ARGV[1]  points the ledger holds for the rule, account and period (used if the counter is new)
-- ARGV[2]  the cap    ARGV[3] points wanted (> 0, or < 0 to give back a release)
-- ARGV[4]  milliseconds until the period ends (the counter's life)
--
-- Returns the points granted (0..wanted), or for a give-back the points given back.
local wanted = tonumber(ARGV[3])
if wanted < 0 then
  if redis.call('EXISTS', KEYS[1]) == 1 then
    redis.call('INCRBY', KEYS[1], wanted)
  end
  return -wanted
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[4], 'NX')
local used = tonumber(redis.call('GET', KEYS[1]))
local granted = math.min(wanted, math.max(0, tonumber(ARGV[2]) - used))
if granted > 0 then
  redis.call('INCRBY', KEYS[1], granted)
end
return granted
