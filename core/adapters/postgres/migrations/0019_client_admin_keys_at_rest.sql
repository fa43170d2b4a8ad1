-- Client administration and keys at rest.
--
-- `secret_version` counts a client's secrets (`rewards-core clients rotate-secret` bumps it);
-- Redis mirrors it with the disabled flag (rewards:{c:<client_id>}:client) so that the per-call
-- admission script refuses a disabled client and a rotated-away signing key without reading
-- Postgres. Postgres stays the truth: a Redis rebuild copies both back.
ALTER TABLE api_clients ADD COLUMN secret_version integer NOT NULL DEFAULT 1 CHECK (secret_version > 0);

-- Keys at rest are sealed (AES-256-GCM envelope under the key-encryption key of
-- REWARDS_MASTER_KEY_FILE, core/adapters/sealing.py). The plain columns stay nullable only for
-- rows written before this migration: the first server start with a key-encryption key seals
-- them and clears the plain value.
ALTER TABLE api_clients ADD COLUMN signing_key_sealed bytea, ALTER COLUMN signing_key DROP NOT NULL,
    ADD CONSTRAINT api_clients_signing_key_present CHECK (signing_key IS NOT NULL OR signing_key_sealed IS NOT NULL);
ALTER TABLE signing_keys ADD COLUMN private_sealed bytea, ALTER COLUMN private_pem DROP NOT NULL,
    ADD CONSTRAINT signing_keys_private_present CHECK (private_pem IS NOT NULL OR private_sealed IS NOT NULL);
ALTER TABLE otp_keys ADD COLUMN secret_sealed bytea, ALTER COLUMN secret DROP NOT NULL,
    ADD CONSTRAINT otp_keys_secret_present CHECK (secret IS NOT NULL OR secret_sealed IS NOT NULL);
