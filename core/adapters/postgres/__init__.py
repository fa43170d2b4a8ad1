"""Postgres: the durable ledger, the idempotency records and the schema migrations."""
