"""Redis: the fast path. Lua scripts (one .lua file each) decide atomically; Postgres decides finally."""
