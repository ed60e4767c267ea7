-- CertDesk schema, version 2: sending the email outbox (README "Email").
-- Same rules as 001: dialect tokens, one statement per line-ending ';'.

-- The Message-ID header, chosen when the email is first claimed and kept
-- across attempts, so that a resend after a crash can be recognised.
ALTER TABLE email_outbox ADD COLUMN message_id TEXT;
CREATE UNIQUE INDEX email_outbox_message_id ON email_outbox(message_id);

-- When the give-up clock (mail.give-up-hours) started: NULL means at
-- created_at; a platform admin's retry of a failed email restarts it.
ALTER TABLE email_outbox ADD COLUMN queued_at {{TS}};

-- The last time a relay tried it (the failed-email list shows it).
ALTER TABLE email_outbox ADD COLUMN last_attempt_at {{TS}};

-- Failed emails for platform admins, newest first.
CREATE INDEX email_outbox_state_id ON email_outbox(state, id);
