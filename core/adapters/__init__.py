"""Adapters to the outside world: Redis (Lua scripts), Postgres (ledger, migrations), embedded servers."""
