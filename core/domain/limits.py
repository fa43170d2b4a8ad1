"""Every bound in one place, each named with its unit last (TigerBeetle style).

Validation, the ledger writer, the idempotency store and the tests all read these names; a test
at each boundary keeps them honest.
"""

# Requests.
REQUEST_ID_LENGTH_MAX = 128
"""Characters in a client-chosen request_id (idempotency key)."""

# Idempotency.
IDEMPOTENCY_RETENTION_SECONDS = 24 * 60 * 60
"""The default and the least retention of idempotency records (REWARDS_IDEMPOTENCY_RETENTION_S):
the Redis done marker lives this long; the Postgres record at least this long and at most one
day partition longer (README "Postgres growth")."""
PARTITION_INTERVAL_S_DEFAULT = 3600.0
"""How often a worker's partition timer runs (REWARDS_PARTITION_INTERVAL_S)."""
PARTITIONS_AHEAD_DAYS_DEFAULT = 3
"""Days after today whose partitions the timer keeps ready (REWARDS_PARTITIONS_AHEAD_DAYS)."""
PARTITIONS_AHEAD_DAYS_MAX = 90
PARTITION_CLOCK_SKEW_S_MAX = 3600
"""A worker whose clock is further than this from Postgres' drops no idempotency records."""
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

LEDGER_WRITE_DEADLINE_MS = 20_000
"""A queued write not in a transaction by then fails as not committed, and its batch's statements
are cancelled by then (statement_timeout): so no write can commit after the recovery sweep
(RESERVATION_TTL_MS, POINTS_RESERVATION_TTL_MS = 30 s) may have released its reservation."""
LEDGER_OUTCOME_POLL_MS_MAX = 1_000
"""Longest pause between two reads of an unknown commit's outcome (pg_xact_status)."""

# Waits on the stores (each also bounded by the call's deadline, core/domain/deadline.py).
POSTGRES_WAIT_S_MAX = 10.0
"""Longest a call waits for a pooled Postgres connection."""
REDIS_WAIT_S_MAX = 2.0
"""Longest a Redis command (or a wait for a pooled Redis connection) may take."""
CALL_WAIT_S_MAX = 30.0
"""Longest a call without a deadline waits for its commit's outcome before UNAVAILABLE."""
BREAKER_FAILURES_MAX = 2
"""Consecutive connection failures of a store that open its breaker (calls then answer
UNAVAILABLE at once, with RetryInfo, while a probe retries the store)."""
BREAKER_PROBE_MS = 500
"""Interval of the probe of a store whose breaker is open; also the RetryInfo delay."""

# Accounts.
PROGRAM_ID_LENGTH_MAX = 64
IDENTIFIER_VALUE_LENGTH_MAX = 128
ACCOUNT_IDENTIFIERS_MAX = 16
"""Identifiers one account may hold."""
PHONE_DIGITS_MIN = 7
PHONE_DIGITS_MAX = 15
"""Digits of an E.164 phone number (country code included)."""
EMAIL_LENGTH_MAX = 254
"""Characters of an e-mail address (RFC 5321 path limit)."""
ACCOUNT_MEMBERSHIPS_MAX = 16
"""Members (users) one account may have."""
STATUS_NOTE_LENGTH_MAX = 256
USER_NAME_LENGTH_MAX = 256
"""Characters of a given, family or display name."""
EXTERNAL_USER_ID_LENGTH_MAX = 128
ADDRESS_LINE_LENGTH_MAX = 256
ADDRESS_LINES_MAX = 3
CITY_LENGTH_MAX = 128
POSTAL_CODE_LENGTH_MAX = 16
REGION_LENGTH_MAX = 128
USER_PROPERTIES_MAX = 32
"""Custom properties one user may carry."""
USER_PROPERTY_KEY_LENGTH_MAX = 64
USER_PROPERTY_VALUE_LENGTH_MAX = 1024
PARTNER_ID_LENGTH_MAX = 64
BIRTH_YEAR_MIN = 1900
"""Earliest accepted birth year; a birth date may not be in the future either."""
SEARCH_QUERY_LENGTH_MAX = 256
SEARCH_TERMS_MAX = 8
SEARCH_TERM_LENGTH_MIN = 2
"""Characters of each search term: a term matches values starting with it."""
PAGE_SIZE_DEFAULT = 50
PAGE_SIZE_MAX = 500
CONCURRENT_CHANGE_ATTEMPTS_MAX = 5
"""Times a change that lost a race on the same account or user is re-run before
ACCOUNT_CHANGED_CONCURRENTLY is answered."""

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
"""How long a worker caches a client's request-signing key (a rotated-away key is refused at
once anyway: the admission script compares its secret version with Redis)."""
SIGNING_KEY_RELOAD_SECONDS_MIN = 1
"""A signature that does not match the cached key reads the key again at most this often per client."""
KEYRING_REFRESH_SECONDS = 60
"""How often a worker reloads the JWT signing keys (and at once on an unknown kid)."""
KEYRING_RELOAD_SECONDS_MIN = 1
"""An unknown kid reloads the keys at most this often (so garbage kids cannot hammer Postgres)."""
TOKEN_RATE_PER_CLIENT_PER_MINUTE_DEFAULT = 600
TOKEN_RATE_PER_CLIENT_BURST_DEFAULT = 300
"""IssueToken + RefreshToken calls per client id (one token bucket, refilled per minute;
REWARDS_TOKEN_RATE_PER_CLIENT / _BURST). A checkout lane needs one IssueToken when it starts and
one RefreshToken per access-token lifetime; the burst lets a store's lanes sharing one client id
start together."""
TOKEN_RATE_PER_PEER_PER_MINUTE_DEFAULT = 1_200
TOKEN_RATE_PER_PEER_BURST_DEFAULT = 300
"""IssueToken + RefreshToken calls per peer IP address (REWARDS_TOKEN_RATE_PER_PEER / _BURST): bounds
the argon2id hashes one address can make the server compute, whatever client ids it sends."""
CLIENT_LOCKOUT_FAILURES_MAX = 10
"""Wrong secrets (or organisations) for one client id within CLIENT_LOCKOUT_WINDOW_SECONDS that
lock it (REWARDS_CLIENT_LOCKOUT_FAILURES). The lock is checked before any hash is computed."""
CLIENT_LOCKOUT_WINDOW_SECONDS = 15 * 60
"""REWARDS_CLIENT_LOCKOUT_WINDOW_S."""
CLIENT_LOCKOUT_SECONDS = 15 * 60
"""How long a locked client id's IssueToken answers CLIENT_LOCKED (REWARDS_CLIENT_LOCKOUT_S).
RefreshToken of a locked client keeps working: it hashes nothing, and an attacker locking a
client out must not log its running checkouts out."""
RATE_PER_SECOND_DEFAULT = 200
RATE_BURST_DEFAULT = 400
CLIENT_SCOPES_MAX = 32

# Coupons.
COUPON_CODE_LENGTH_MAX = 64
COUPON_VALIDITY_SECONDS_MAX = 3660 * 86_400
"""Longest OfferRules.coupon_validity (3660 days)."""
COUPON_VALIDITY_MONTHS_MAX = 120
VERIFIED_TOKENS_CACHED_MAX = 10_000
"""Access tokens whose signature a worker remembers as verified (AccessTokens.verify)."""
REDEMPTION_START_DAYS_MAX = 3_660
"""OfferRules.redemption_start_days_after_issue: at most about ten years."""
"""Most months of OfferRules.coupon_validity_months."""
REVOCATION_ACCOUNTS_MAX = 1000
"""Accounts one RevokeCoupons call of mode CUSTOMERS may name."""
COUPON_NOTE_LENGTH_MAX = 256
"""Characters of an audit note on a revocation."""
COUPON_PAGE_SIZE_DEFAULT = 50
COUPON_PAGE_SIZE_MAX = 500
"""Coupons one ListAccountCoupons page holds at most."""
CODE_SERIES_ALPHABET_SIZE_MIN = 2
CODE_SERIES_ALPHABET_SIZE_MAX = 36
"""Distinct characters of a series' alphabet, from [0-9A-Z]."""
CODE_SERIES_LENGTH_MIN = 6
CODE_SERIES_LENGTH_MAX = 32
"""Random characters of a generated code (a sample code's random half may be shorter)."""
CODE_SERIES_PREFIX_LENGTH_MAX = 16
SAMPLE_CODE_LENGTH_MIN = 5
SAMPLE_CODE_LENGTH_MAX = 10
CODE_SPACE_FILL_PERCENT_MAX = 1
"""A series may hold at most this share of its possible codes (guessing must stay hopeless)."""
GENERATE_CODES_COUNT_MAX = 100_000_000
GENERATE_CODES_BATCH = 10_000
"""Codes generated, copied into Postgres and loaded into Redis per step (constant memory)."""
IMPORTED_CODE_LENGTH_MIN = 3
IMPORTED_CODE_LENGTH_MAX = 64
IMPORT_CODES_BATCH_MAX = 10_000
"""Codes one ImportCodes message may carry."""
IMPORT_REJECTED_ROWS_MAX = 1_000
"""Rejected rows an ImportCodes response lists (all are counted)."""
JOB_FILE_PATH_LENGTH_MAX = 512
"""An IMPORT_CODES job's file path, relative to the import directory."""
JOB_GENERATE_CHUNK_CODES = 50_000
"""Codes one chunk of a GENERATE_CODES job generates, COPYs and commits (benchmarks/codes_30m.py:
10,000 per chunk reached 56% of the COPY ceiling, 50,000 80%); memory stays constant."""
JOB_IMPORT_CHUNK_ROWS = 10_000
"""Rows of an import file one job chunk reads, checks and commits."""
JOB_LEASE_S_DEFAULT = 30
"""How long a worker holds a job without committing a chunk before another may take it over."""
JOB_POLL_S_DEFAULT = 1.0
"""How often a worker looks for a job to claim (and a follower in another worker re-reads it)."""
JOBS_PER_WORKER_DEFAULT = 2
"""Jobs one worker runs at once."""
CODE_DRAW_TTL_MS = 30_000
"""A code drawn by an issue that has not committed or given it back by then is given back by the sweep."""
CODE_POOL_DRAWS_MAX = 4
"""Codes IssueCoupon draws before it gives up when Postgres refuses a drawn code (a stale pool)."""

# Offers: content and rules (UpdateOffer, ListOffers, ListDeals).
OFFER_DISPLAY_NAME_LENGTH_MAX = 256
OFFER_DESCRIPTION_LENGTH_MAX = 4096
OFFER_TEXTS_MAX = 32
"""Languages one offer may have texts in."""
OFFER_LANGUAGE_CODE_LENGTH_MAX = 35
OFFER_TITLE_LENGTH_MAX = 256
OFFER_SUBTITLE_LENGTH_MAX = 256
OFFER_TEXT_DESCRIPTION_LENGTH_MAX = 4096
OFFER_BOOKING_TEXT_LENGTH_MAX = 1024
OFFER_IMAGES_MAX = 16
OFFER_IMAGE_URI_LENGTH_MAX = 2048
OFFER_CUSTOM_PROPERTIES_MAX = 64
OFFER_CUSTOM_PROPERTY_KEY_LENGTH_MAX = 64
OFFER_CUSTOM_PROPERTY_VALUE_LENGTH_MAX = 1024
OFFER_EXTERNAL_REFERENCE_LENGTH_MAX = 128
OFFER_EXTERNAL_CODE_LENGTH_MAX = 64
OFFER_LOCATIONS_MAX = 1000
OFFER_PRODUCTS_MAX = 1000
"""OfferRules.applicable_skus and applicable_categories: at most this many each (each 1..SKU_LENGTH_MAX)."""
OFFER_PAST_ISSUE_OFFERS_MAX = 100
"""OfferRules.past_issue_offer_ids: at most this many offers."""
PAST_ISSUE_MONTHS_MAX = 120
"""OfferRules.past_issue_months: 1..this."""
"""Stores, zones or interaction points one offer's rules may name (each list)."""
OFFER_LOCATION_ID_LENGTH_MAX = 64
OFFER_HOUR_WINDOWS_MAX = 24
"""Hour windows of one offer (OfferRules.hour_windows)."""
FREE_ITEM_SKU_LENGTH_MAX = 64
"""Reward.free_item_sku."""
"""Characters of a store, zone or interaction point id."""
DISCOUNT_PERCENT_BPS_MAX = 10_000
"""A DISCOUNT_PERCENT reward: 1..this basis points of the bill (10000 = 100%)."""
REWARD_EXTRA_POINTS_MAX = 10**9
"""An EXTRAPOINT reward: 1..this points."""
REWARD_MULTIPLIER_BPS_MIN = 10_001
REWARD_MULTIPLIER_BPS_MAX = 1_000_000
"""A MULTIPLIER reward: this many basis points on the purchase's points (above 1x, at most 100x)."""
REWARD_PRICE_POINTS_MAX = 10**9
"""A REWARD coupon's points price: 1..this."""
PRIOR_TRANSACTION_COUNT_MAX = 1_000_000
"""Highest OfferRules.max_prior_transaction_count."""
DEALS_SCANNED_PER_PAGE_MAX = 2_000
"""Offers one ListDeals page examines at most: a page may hold fewer deals than asked (its
token continues the scan), so one call never reads an unbounded number of offers."""

# Loyalty programs.
PROGRAM_DISPLAY_NAME_LENGTH_MAX = 256
POINTS_EXPIRY_DAYS_MAX = 3660
"""Longest Program.points_expiry."""
POINTS_EXPIRY_MONTHS_MAX = 120
POINTS_THRESHOLD_MAX = 10**12
"""Largest min_redemption_balance / min_remaining_balance / min_redeem points of a program."""
EARN_RULES_MAX = 100
"""Live earn rules one program may have."""
TIERS_MAX = 16
"""Tiers one program may have."""
EARN_POINTS_MAX = 10**9
"""Points of one event, tier step, referral side or earn code."""
RATIO_NUMERATOR_MAX = 10**6
RATIO_DENOMINATOR_MAX = 10**9
RULE_STORE_IDS_MAX = 1_000
STORE_ID_LENGTH_MAX = 64
SPEND_BANDS_MAX = 32
EARN_TIER_STEPS_MAX = 32
MULTIPLIER_BPS_MIN = 10_001
"""A promotion or card-type factor must raise the points (10_000 = 1x)."""
MULTIPLIER_BPS_MAX = 1_000_000
TIER_MULTIPLIER_BPS_MIN = 10_000
CARD_TYPES_MAX = 100
CARD_TYPE_LENGTH_MAX = 64
CUSTOM_EVENT_LENGTH_MAX = 64
EVALUATION_DAYS_MAX = 3660
EARN_CODES_COUNT_MAX = 10_000_000
"""Codes one CreateEarnCodes request may create."""
EARN_CODE_PREFIX_LENGTH_MAX = 16
EARN_CODE_RANDOM_LENGTH_MIN = 8
EARN_CODE_RANDOM_LENGTH_MAX = 32
EARN_CODE_RANDOM_LENGTH_DEFAULT = 12
"""Characters of the random part of an earn code (after its prefix)."""
EARN_CODE_LENGTH_MAX = EARN_CODE_PREFIX_LENGTH_MAX + EARN_CODE_RANDOM_LENGTH_MAX
"""Characters of a whole earn code, prefix included."""
EARN_CODES_CHUNK_MAX = 10_000
"""Codes generated, inserted (one COPY, one transaction) and streamed per message."""
PROGRAM_RULES_CACHE_SECONDS = 2.0
"""How long a worker reuses a program's rules before reading them again."""
PROGRAM_RULES_CACHE_ENTRIES_MAX = 10_000
"""Programs whose rules one worker keeps cached."""

# Loyalty points.
POINTS_MAX = 10**12
"""Points in one movement (earn, redemption, refund)."""
OTP_TTL_SECONDS = 300
"""How long a redemption OTP is accepted."""
OTP_TRIES_MAX = 5
"""Wrong codes before an OTP locks."""
OTP_PER_ACCOUNT_MAX = 5
"""OTPs one account may request per OTP_RATE_WINDOW_SECONDS."""
OTP_RATE_WINDOW_SECONDS = 600
OTP_WEBHOOK_TIMEOUT_MS = 5_000
"""Timeout of one POST of the OTP webhook sender."""
OTP_WEBHOOK_ATTEMPTS_MAX = 3
"""POSTs of one OTP before RequestRedemptionOtp answers OTP_NOT_SENT."""
OTP_WEBHOOK_BACKOFF_MS = 200
"""Wait before the second attempt; doubled before each further one."""
OTP_WEBHOOK_SECRET_LENGTH_MIN = 16
EARN_CODE_MISSES_MAX = 10
"""Unknown earn codes one account may try per EARN_CODE_MISS_WINDOW_SECONDS (against guessing)."""
EARN_CODE_MISS_WINDOW_SECONDS = 3_600
PURCHASE_LINES_MAX = 500
"""Lines one EarnPoints may carry."""
SKU_LENGTH_MAX = 64
LINE_QUANTITY_MAX = 10**6
EARN_COUPONS_MAX = 32
"""Coupon codes one earn may name."""
STORE_ID_LENGTH_MAX = 64
TRANSACTION_ID_LENGTH_MAX = 128
NOTE_LENGTH_MAX = 256
EARN_CODE_LENGTH_MAX = 64
EXPIRY_WINDOW_DAYS_DEFAULT = 30
EXPIRY_WINDOW_DAYS_MAX = 3660
POINTS_RESERVATION_TTL_MS = 30_000
"""A wallet reservation not settled by then is settled by the recovery sweep."""
EXPIRY_BATCH_LOTS_MAX = 1_000
"""Lots one run of the expiry job expires per batch."""
OFFER_CUSTOMERS_PER_CALL_MAX = 1_000
"""Accounts one AddOfferCustomers call may list."""
BULK_ISSUE_ROWS_MAX = 1_000
"""Rows in one BulkIssueCoupons batch."""
BATCH_ITEMS_MAX = 1_000
"""Items one BatchRedeemCoupons call may carry."""
BATCH_CONCURRENCY = 128
"""Items of one batch in flight at once (they share the ledger's group commits and the tick's
Redis pipeline)."""
BULK_ISSUE_CONCURRENCY = 32
"""Accounts of one BulkIssueCoupons batch issued at the same time (their writes share commits)."""

# Voids and operator adjustments of points (core/service/points/admin.py).
VOID_WINDOW_SECONDS = 24 * 60 * 60
"""How long after a posted EARN or REDEEM (its create_time) VoidTransaction may cancel it: a
till's or back office's correction of the day; later, RefundPoints. The same for every program."""
OPERATOR_LENGTH_MAX = 128
"""Characters of the operator named on a void or an adjustment."""
ADJUST_REASON_LENGTH_MAX = 256
"""Characters of an adjustment's reason (required)."""
BATCH_ALLOCATE_ROWS_MAX = 1_000
"""Rows in one BatchAllocatePoints call."""
BATCH_ALLOCATE_CONCURRENCY = 32
"""Accounts of one BatchAllocatePoints call credited at the same time (their writes share commits)."""

# Checkout baskets.
BASKET_COUPONS_MAX = 32
"""Coupon codes and account coupon ids one basket may apply, together."""
BASKET_LINES_MAX = 1_000
BASKET_LINE_ITEMS_MAX = 10_000
"""Units on one basket line."""
BASKET_HOLD_SECONDS_DEFAULT = 900
"""How long an authorized basket holds its coupons and points when the request names no duration."""
BASKET_HOLD_SECONDS_MIN = 1
BASKET_HOLD_SECONDS_MAX = 3_600
BASKET_SWEEP_MARGIN_MS = 2 * LEDGER_WRITE_DEADLINE_MS
"""A basket's Redis reservations carry its expire_time plus this as their deadline: past it, a
capture (refused by Postgres once expire_time has passed, and never slower than a ledger write's
deadline) can no longer commit, so the generic reservation sweeps decide from the ledger alone."""
BASKET_EXPIRY_BATCH_MAX = 200
"""Expired baskets one run of the basket sweep releases."""

# Events (outbox) and webhooks (README "Events").
WEBHOOKS_PER_ORG_MAX = 32
WEBHOOK_URL_LENGTH_MAX = 2_048
WEBHOOK_EVENT_TYPES_MAX = 32
"""Event types one webhook may subscribe to."""
WEBHOOK_SECRET_BYTES = 32
WEBHOOK_TIMEOUT_S = 10.0
# Messages to people (README "Events" > "Messages to people").
MESSAGE_TEMPLATES_MAX = 32
"""Templates one offer holds (languages x kinds)."""
MESSAGE_SMS_LENGTH_MAX = 480
"""An SMS's longest rendering, in characters (three concatenated 160-character parts)."""
MESSAGE_EMAIL_LENGTH_MAX = 4_000
"""An e-mail body's longest rendering, in characters."""
MESSAGE_SUBJECT_LENGTH_MAX = 200
MESSAGE_LANGUAGE_CODE_LENGTH_MAX = 35
MESSAGE_CUSTOMER_NAME_LENGTH_MAX = 64
"""{{ customer_name }} is cut to this many characters when rendered."""
MESSAGE_CODE_LENGTH_MAX = COUPON_CODE_LENGTH_MAX
"""The longest coupon code {{ code }} renders (codes are at most this long)."""
MESSAGE_EXPIRY_LENGTH = 16
"""{{ expiry }} renders as "YYYY-MM-DD HH:MM" (local time in the offer's zone), or "no expiry"."""
REMINDERS_PER_OFFER_MAX = 8
OFFER_CONTACT_EMAILS_MAX = 10
"""Brand contacts one offer tells of its issue threshold."""
REMINDER_DAYS_BEFORE_MAX = 365
MESSAGE_ATTEMPTS_MAX = 8
"""Attempts to hand one message over before it is parked as failed."""
MESSAGE_CLAIM_BATCH_MAX = 32
"""Messages one worker claims (and sends concurrently) at a time."""
MESSAGE_LEASE_S = 60.0
"""A claimed message is claimed again after this (its worker died mid-send): at least once."""
REMINDER_SCAN_BATCH_MAX = 1_000
"""Reminders one worker queues per scheduler round."""
REMINDER_SCAN_INTERVAL_S = 60.0
"""How often (by the server's clock) a worker looks for due reminders; a full batch: again at once."""
MESSAGE_SEND_TIMEOUT_S = 10.0
"""One e-mail (SMTP) or SMS (gateway POST) hand-over; past it the attempt failed (retried)."""
WEBHOOK_RESOLVE_TIMEOUT_S = 5.0
"""The SSRF guard's DNS look-up of a webhook host (at create/update and before each delivery)."""
"""An HTTP delivery (connect + send + answer) not done by then counts as a failed attempt."""
WEBHOOK_SIGNATURE_TOLERANCE_S = 300
"""How far a receiver should accept the signature's timestamp from its own clock (documented)."""
EVENT_DELIVERY_ATTEMPTS_MAX = 8
"""Attempts of one delivery before its event is parked as failed."""
EVENT_BACKOFF_BASE_S_DEFAULT = 2.0
"""Wait after the first failed attempt; doubled per attempt (full jitter), capped by the maximum."""
EVENT_BACKOFF_MAX_S = 3_600.0
EVENT_DELIVERY_LEASE_S = 3 * WEBHOOK_TIMEOUT_S
"""A claimed delivery is not claimed again before this (a worker killed mid-delivery leaves it
to be redelivered, with the same event id, after the lease)."""
EVENT_CLAIM_BATCH_MAX = 32
"""Deliveries one worker claims (and POSTs concurrently) at a time."""
EVENT_FAN_OUT_BATCH_MAX = 1_000
"""New events one worker fans out into deliveries in one statement."""
EVENT_POLL_S_DEFAULT = 1.0
"""How long a delivery worker sleeps when nothing is due."""
EVENT_BUSY_PAUSE_S = 0.05
"""How long the delivery and message tasks pause after a round that found work but less than a
full batch: under steady traffic a round then takes the events of 50 ms at once instead of one or
two (each round is a few short transactions), at the price of at most 50 ms more latency."""
EVENT_LIST_PAGE_SIZE_DEFAULT = 50
EVENT_LIST_PAGE_SIZE_MAX = 500

# --- lucky draws (Program.lucky_draw; core/domain/lucky_draws.py) ------------------------------
LUCKY_DRAW_NUMERATOR_MAX = 10**6
"""LuckyDrawPolicy.points_numerator: 1..this."""
LUCKY_DRAW_DENOMINATOR_MAX = 10**12
"""LuckyDrawPolicy.amount_minor_denominator: 1..this."""
LUCKY_DRAW_NUMBER_WIDTH_DEFAULT = 10
"""Digits a lucky-draw number is zero-padded to when the program sets none (the seed's width)."""
LUCKY_DRAW_NUMBER_WIDTH_MAX = 18
"""At most this many digits (a Postgres bigint holds every 18-digit number)."""
DRAW_PERIOD_LENGTH_MAX = 16
"""ListLuckyDrawEntriesRequest.draw_period: at most this many characters ("2026-12-04" is 10)."""


# --- loyalty seeds of issue 16 (receipts, card types, points as money, earn-code stores) ----------

URI_LENGTH_MAX = 2_048
"""Tier.image_uri, ReceiptDetail.invoice_photo_uri: at most this many characters."""
RECEIPT_DETAILS_MAX = 50
"""EarnPointsRequest.receipt_details: at most this many."""
RECEIPT_NOTE_LENGTH_MAX = 256
PAYMENT_METHOD_CODE_LENGTH_MAX = 64
PAYMENT_METHOD_NAME_LENGTH_MAX = 128
POSTED_BY_LENGTH_MAX = 128
RECEIPT_NUMBER_FORMAT_LENGTH_MAX = 64
RECEIPT_SEQUENCE_WIDTH_MAX = 18
RECEIPT_NUMBER_BLOCK = 20
"""Receipt numbers a server takes from a program's sequence at a time (one Postgres round trip
per this many earns; a restart leaves at most this many unused)."""
POINTS_VALUE_POINTS_MAX = 10**9
POINTS_VALUE_MINOR_MAX = 10**12
EARN_CODE_STORE_IDS_MAX = 1_000

# --- interaction points (core/domain/interaction_points.py) ------------------------------------
INTERACTION_POINT_ID_LENGTH_MAX = 64
"""Characters of an interaction point id (the `interaction-id` header or field)."""
INTERACTION_POINT_NAME_LENGTH_MAX = 256
INTERACTION_POINT_GENERATION_CHECK_S = 1.0
"""How long a worker trusts its cached interaction points before it reads the organisation's
change generation from Redis again (one GET per organisation per worker per interval): the
bound on how late another worker sees a created or deleted point."""
INTERACTION_POINT_CACHE_ENTRY_MAX_AGE_S = 60.0
"""A cached point is read from Postgres again after this long even if no change was seen (the
bound when a change's generation bump was lost)."""
INTERACTION_POINT_CACHE_MAX = 100_000
"""Points (and unknown ids) one worker caches; the cache is emptied when it is full."""
