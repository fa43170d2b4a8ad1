-- Accounts: deletion, optimistic versions and the change log; users; memberships; search.
--
-- Every change of an existing account is one row appended to account_changes (through the
-- group-commit ledger writer, with the request's idempotency record): a trigger applies it to
-- accounts / account_identifiers / memberships, under the account's row lock, and only if the
-- account still has the version the change was decided against (otherwise the row is refused
-- with constraint account_changes_version and the handler decides again). Users change the same
-- way through user_changes. So the log is the audit trail, and no decision is made on stale data.

ALTER TABLE accounts ADD COLUMN version bigint NOT NULL DEFAULT 1;
-- A deleted account is a tombstone (its ledger history keeps pointing at it); it is never returned.
ALTER TABLE accounts ADD COLUMN delete_time timestamptz;
-- SearchAccounts: a program's accounts in (create_time, account_id) order.
CREATE INDEX accounts_program_order_idx ON accounts (org_id, program_id, create_time, account_id)
    WHERE delete_time IS NULL;

-- Resolving (type, value) across the programs of an organisation (AccountRef without program).
CREATE INDEX account_identifiers_value_idx ON account_identifiers (org_id, identifier_type, value);
-- Search: a term matches identifiers whose lower-cased value starts with it.
CREATE INDEX account_identifiers_search_idx
    ON account_identifiers (org_id, program_id, lower(value) text_pattern_ops);

CREATE TABLE users (
    user_id           uuid        PRIMARY KEY,
    org_id            text        NOT NULL,
    external_user_id  text,
    given_name        text        NOT NULL,
    family_name       text        NOT NULL,
    display_name      text        NOT NULL,
    email             text        NOT NULL,
    phone_number      text        NOT NULL,
    birth_date        date,
    address           jsonb       NOT NULL,
    properties        jsonb       NOT NULL,
    -- Lower-cased name words, city, postal code, e-mail, phone, birth date (YYYY-MM-DD).
    search_lexemes    text[]      NOT NULL,
    search            tsvector    GENERATED ALWAYS AS (array_to_tsvector(search_lexemes)) STORED,
    version           bigint      NOT NULL DEFAULT 1,
    create_time       timestamptz NOT NULL,
    update_time       timestamptz NOT NULL
);
CREATE UNIQUE INDEX users_external_user_id_unique ON users (org_id, external_user_id)
    WHERE external_user_id IS NOT NULL;
CREATE INDEX users_search_idx ON users USING gin (search);

-- A user's membership of an account. At most one OWNER per account.
CREATE TABLE memberships (
    account_id         uuid        NOT NULL REFERENCES accounts (account_id),
    user_id            uuid        NOT NULL REFERENCES users (user_id),
    org_id             text        NOT NULL,
    role               smallint    NOT NULL,
    marketing_opt_ins  smallint[]  NOT NULL,
    partner_id         text        NOT NULL,
    create_time        timestamptz NOT NULL,
    update_time        timestamptz NOT NULL,
    CONSTRAINT memberships_pkey PRIMARY KEY (account_id, user_id)
);
CREATE UNIQUE INDEX memberships_one_owner ON memberships (account_id) WHERE role = 1;
CREATE INDEX memberships_user_idx ON memberships (user_id, create_time, account_id);
CREATE INDEX memberships_account_order_idx ON memberships (account_id, create_time, user_id);

-- The change log of accounts. `version` is the account version the change was decided
-- against; applying it makes the account version + 1.
CREATE TABLE account_changes (
    change_id        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id       uuid        NOT NULL REFERENCES accounts (account_id),
    org_id           text        NOT NULL,
    version          bigint      NOT NULL,
    kind             text        NOT NULL CHECK (kind IN ('status', 'identifier_added', 'identifier_removed',
                                                          'membership_added', 'membership_removed', 'deleted')),
    status           smallint,
    identifier_type  smallint,
    value            text,
    user_id          uuid,
    note             text        NOT NULL,
    change_time      timestamptz NOT NULL,
    client_id        text        NOT NULL,
    request_id       text        NOT NULL
);
CREATE INDEX account_changes_account_idx ON account_changes (account_id, change_id);

CREATE FUNCTION account_changes_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE accounts SET
        version = version + 1,
        status = coalesce(NEW.status, status),
        update_time = CASE WHEN NEW.kind LIKE 'membership_%' THEN update_time ELSE NEW.change_time END,
        delete_time = CASE WHEN NEW.kind = 'deleted' THEN NEW.change_time END
    WHERE account_id = NEW.account_id AND org_id = NEW.org_id AND version = NEW.version
      AND delete_time IS NULL;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'account % changed since version %', NEW.account_id, NEW.version
            USING ERRCODE = 'check_violation', CONSTRAINT = 'account_changes_version';
    END IF;
    IF NEW.kind = 'identifier_added' THEN
        INSERT INTO account_identifiers (org_id, program_id, identifier_type, value, account_id)
            SELECT org_id, program_id, NEW.identifier_type, NEW.value, account_id
            FROM accounts WHERE account_id = NEW.account_id;
    ELSIF NEW.kind = 'identifier_removed' THEN
        DELETE FROM account_identifiers
            WHERE account_id = NEW.account_id AND identifier_type = NEW.identifier_type AND value = NEW.value;
    ELSIF NEW.kind = 'membership_removed' THEN
        DELETE FROM memberships WHERE account_id = NEW.account_id AND user_id = NEW.user_id;
    ELSIF NEW.kind = 'deleted' THEN
        -- Identifiers become free for other accounts; memberships end.
        DELETE FROM account_identifiers WHERE account_id = NEW.account_id;
        DELETE FROM memberships WHERE account_id = NEW.account_id;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER account_changes_apply BEFORE INSERT ON account_changes
    FOR EACH ROW EXECUTE FUNCTION account_changes_apply();

-- The change log of users: each row is the user's complete new personal data.
CREATE TABLE user_changes (
    change_id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id           uuid        NOT NULL REFERENCES users (user_id),
    org_id            text        NOT NULL,
    version           bigint      NOT NULL,
    external_user_id  text,
    given_name        text        NOT NULL,
    family_name       text        NOT NULL,
    display_name      text        NOT NULL,
    email             text        NOT NULL,
    phone_number      text        NOT NULL,
    birth_date        date,
    address           jsonb       NOT NULL,
    properties        jsonb       NOT NULL,
    search_lexemes    text[]      NOT NULL,
    change_time       timestamptz NOT NULL,
    client_id         text        NOT NULL,
    request_id        text        NOT NULL
);
CREATE INDEX user_changes_user_idx ON user_changes (user_id, change_id);

CREATE FUNCTION user_changes_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE users SET
        version = version + 1, external_user_id = NEW.external_user_id, given_name = NEW.given_name,
        family_name = NEW.family_name, display_name = NEW.display_name, email = NEW.email,
        phone_number = NEW.phone_number, birth_date = NEW.birth_date, address = NEW.address,
        properties = NEW.properties, search_lexemes = NEW.search_lexemes, update_time = NEW.change_time
    WHERE user_id = NEW.user_id AND org_id = NEW.org_id AND version = NEW.version;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'user % changed since version %', NEW.user_id, NEW.version
            USING ERRCODE = 'check_violation', CONSTRAINT = 'user_changes_version';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER user_changes_apply BEFORE INSERT ON user_changes
    FOR EACH ROW EXECUTE FUNCTION user_changes_apply();
