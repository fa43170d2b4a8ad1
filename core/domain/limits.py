"""Every bound in one place, each named with its unit last (TigerBeetle style).

Validation, the ledger writer, the idempotency store and the tests all read these names; a test
at each boundary keeps them honest.
"""

# Requests.
REQUEST_ID_LENGTH_MAX = 128
"""Characters in a client-chosen request_id (idempotency key)."""

# Idempotency.
IDEMPOTENCY_RETENTION_SECONDS = 24 * 60 * 60
"""How long a stored response is replayed from Redis; Postgres keeps it longer."""
IDEMPOTENCY_IN_FLIGHT_TTL_MS = 30_000
"""How long an in-flight marker lives if its owner dies before finishing."""
IDEMPOTENCY_WAIT_MS_MAX = 2_000
"""How long a concurrent retry waits for the first execution before REQUEST_IN_FLIGHT."""
IDEMPOTENCY_POLL_MS = 10
"""Polling interval of a waiting concurrent retry."""

# Ledger writer (group commit).
LEDGER_BATCH_WRITES_MAX = 1_000
"""Writes (each one request's rows) committed in one transaction."""
LEDGER_QUEUE_WRITES_MAX = 10_000
"""Writes waiting for a commit; one more answers RESOURCE_EXHAUSTED."""
LEDGER_LINGER_MS_DEFAULT = 0
"""Extra wait for a batch to fill before committing; 0 commits whatever arrived during the
previous commit (natural group commit)."""

# Accounts.
PROGRAM_ID_LENGTH_MAX = 64
IDENTIFIER_VALUE_LENGTH_MAX = 128
ACCOUNT_IDENTIFIERS_MAX = 16
"""Identifiers one account may hold."""

# Redis state.
STATE_CHECK_INTERVAL_MS = 1_000
"""How often a worker checks that Redis still holds the loaded generation."""
STATE_REBUILD_LOCK_TTL_MS = 60_000
"""How long one worker may hold the rebuild lock before another may take over."""

# Security.
ACCESS_TOKEN_TTL_SECONDS_DEFAULT = 15 * 60
REFRESH_TOKEN_TTL_SECONDS_DEFAULT = 24 * 60 * 60
REFRESH_GRACE_SECONDS_DEFAULT = 5
"""A retry of a just-rotated refresh token within this window gets the same new pair."""
REFRESH_REPLAY_WAIT_MS_MAX = 2_000
"""How long a concurrent refresh of the same token waits for the winner's pair."""
TOKEN_LEEWAY_SECONDS = 5
"""Clock skew tolerated on exp / nbf / iat."""
SIGNATURE_WINDOW_SECONDS = 300
"""A signed request's timestamp may differ from the server's clock by at most this."""
NONCE_LENGTH_MIN = 16
NONCE_LENGTH_MAX = 64
SIGNING_KEY_CACHE_SECONDS = 60
"""How long a worker caches a client's request-signing key."""
KEYRING_REFRESH_SECONDS = 60
"""How often a worker reloads the JWT signing keys (and at once on an unknown kid)."""
KEYRING_RELOAD_SECONDS_MIN = 1
"""An unknown kid reloads the keys at most this often (so garbage kids cannot hammer Postgres)."""
RATE_PER_SECOND_DEFAULT = 200
RATE_BURST_DEFAULT = 400
CLIENT_SCOPES_MAX = 32

# Coupons.
COUPON_CODE_LENGTH_MAX = 64
