-- account_state_set: publish what the coupon path reads of an account (organisation, program,
-- status, version), unless a newer version is there already: a reader that loaded the account
-- from Postgres before a change committed must never overwrite the state the change published.
-- The key has the account's hash tag {a:<account_id>}.
--
-- KEYS[1]  the account's state: "<version>|<org_id>|<status>|<program_id>" (status 0: deleted)
-- ARGV[1]  the version of the state given
-- ARGV[2]  the state
-- ARGV[3]  how long it is kept (ms): a change whose publication was lost (a crash between its
--          commit and this call) is seen at the latest when it expires
--
-- Returns 1 if written, 0 if a newer version was there.
local current = redis.call('GET', KEYS[1])
if current then
  local version = tonumber(string.match(current, '^(%d+)|'))
  if version and version > tonumber(ARGV[1]) then
    return 0
  end
end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1
