-- Points-expiring reminders per program (Program.points_reminders) and the user's language
-- (User.language) that picks a message's template (README "Events" > "Messages to people").
--
-- Both new fields travel through the existing change logs (program_changes, user_changes). Their
-- own AFTER INSERT triggers copy them, after the existing BEFORE/AFTER triggers applied the
-- change (so the trigger functions of earlier migrations stay as they are).
ALTER TABLE users ADD COLUMN language text NOT NULL DEFAULT '';
ALTER TABLE user_changes ADD COLUMN language text NOT NULL DEFAULT '';

CREATE FUNCTION user_changes_apply_language() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- user_changes_apply (BEFORE INSERT) moved the user to version NEW.version + 1.
    UPDATE users SET language = NEW.language
        WHERE user_id = NEW.user_id AND org_id = NEW.org_id AND version = NEW.version + 1;
    RETURN NEW;
END $$;
CREATE TRIGGER user_changes_apply_language AFTER INSERT ON user_changes
    FOR EACH ROW EXECUTE FUNCTION user_changes_apply_language();

ALTER TABLE programs ADD COLUMN points_reminders jsonb;
ALTER TABLE program_changes ADD COLUMN points_reminders jsonb;

CREATE FUNCTION program_apply_reminders() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- program_changes_apply (AFTER INSERT, fired first: triggers fire by name) set update_time.
    UPDATE programs SET points_reminders = NEW.points_reminders
        WHERE org_id = NEW.org_id AND program_id = NEW.program_id AND update_time = NEW.update_time;
    RETURN NEW;
END $$;
CREATE TRIGGER program_changes_reminders AFTER INSERT ON program_changes
    FOR EACH ROW EXECUTE FUNCTION program_apply_reminders();

-- A points reminder is a `messages` row of kind 'points_reminder': no coupon and no offer, the
-- account, its program and the expiry instant of the lots it tells about. Unique per account,
-- expiry instant and reminder key ("<N>d@<HH:MM>/<channel>"), so two workers (or two rounds)
-- never queue one reminder twice; the points.expiring outbox event is written by the same
-- statement that queues it.
ALTER TABLE messages ALTER COLUMN offer_id DROP NOT NULL;
ALTER TABLE messages ADD COLUMN program_id text, ADD COLUMN points_expire_time timestamptz;
ALTER TABLE messages DROP CONSTRAINT messages_kind_check,
    ADD CONSTRAINT messages_kind_check
        CHECK (kind IN ('issue', 'resend', 'reminder', 'threshold', 'points_reminder'));
ALTER TABLE messages DROP CONSTRAINT messages_check, DROP CONSTRAINT messages_check1,
    ADD CONSTRAINT messages_reminder_key CHECK ((kind IN ('reminder', 'points_reminder')) = (reminder IS NOT NULL)),
    ADD CONSTRAINT messages_coupon CHECK ((kind IN ('threshold', 'points_reminder')) = (coupon_id IS NULL)),
    ADD CONSTRAINT messages_points CHECK ((kind = 'points_reminder') = (offer_id IS NULL)
                                          AND (kind = 'points_reminder') = (points_expire_time IS NOT NULL)
                                          AND (kind = 'points_reminder') = (program_id IS NOT NULL));
CREATE UNIQUE INDEX points_reminders_sent ON messages (account_id, points_expire_time, reminder)
    WHERE kind = 'points_reminder';

-- offer.ended by the clock: an ACTIVE offer whose end_time has come is reported once per end
-- time (the message task's scan; two workers: this index decides). Such an event occurs at the
-- end time itself, so (aggregate_id, occurred_at) names it, and the index holds the outbox's
-- partition key (occurred_at) should the outbox be partitioned by it.
CREATE UNIQUE INDEX outbox_offer_ended_by_time ON outbox_events (aggregate_id, occurred_at)
    WHERE type = 'offer.ended' AND payload->>'cause' = 'end_time';
