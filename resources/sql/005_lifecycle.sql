-- CertDesk schema, version 5: a certificate's life after validation (README
-- "Expiry, reminders, renewal, revocation"). Same rules as 001: dialect
-- tokens, one statement per line-ending ';'. A statement that starts with
-- {{SQLITE}} or {{PGSQL}} runs on that dialect only.

-- Renewal: the certificate a new one renews; on the old one, the renewal
-- that replaced it, set once that renewal is accepted or validated (the old
-- one then shows "Renewed" and gets no more reminders).
ALTER TABLE certificates ADD COLUMN renews_id BIGINT REFERENCES certificates(id);
ALTER TABLE certificates ADD COLUMN renewed_by_id BIGINT REFERENCES certificates(id);
CREATE INDEX certificates_renews ON certificates(renews_id);

-- Revocation: when, by whom and why (a revoked certificate keeps its status,
-- accepted or validated, and shows "Revoked").
ALTER TABLE certificates ADD COLUMN revoked_at {{TS}};
ALTER TABLE certificates ADD COLUMN revoked_by BIGINT REFERENCES users(id);
ALTER TABLE certificates ADD COLUMN revoke_reason TEXT CHECK (revoke_reason IS NULL OR length(revoke_reason) BETWEEN 1 AND 2000);

-- Reminders before expiry, once per certificate, expiration date and
-- threshold (days before expiry; 0: the expiry day): the row is claimed in
-- the transaction that writes the reminder's notifications, so whoever runs
-- the job, and however many at once, each reminder is sent once.
CREATE TABLE reminders_sent (
    certificate_id BIGINT NOT NULL REFERENCES certificates(id),
    expires_on {{DATE}} NOT NULL,
    threshold_days INTEGER NOT NULL CHECK (threshold_days BETWEEN 0 AND 3650),
    sent_at {{TS}} NOT NULL,
    PRIMARY KEY (certificate_id, expires_on, threshold_days)
);

-- Each person's choice: reminder emails off (in-app reminders stay).
ALTER TABLE users ADD COLUMN reminder_emails BOOLEAN NOT NULL DEFAULT TRUE;

-- Two more kinds of notification: a reminder (with its threshold) and a
-- revocation told to the owner.
ALTER TABLE notifications ADD COLUMN threshold_days INTEGER CHECK (threshold_days IS NULL OR threshold_days BETWEEN 0 AND 3650);
{{PGSQL}} ALTER TABLE notifications DROP CONSTRAINT notifications_category_check;
{{PGSQL}} ALTER TABLE notifications ADD CONSTRAINT notifications_category_check CHECK (category IN ('validation-request', 'certificate-validated', 'certificate-rejected', 'reminder', 'certificate-revoked'));
-- SQLite cannot alter a CHECK: the table's definition is edited in place, as
-- SQLite documents for loosening a constraint (every existing row still
-- passes); the migrator then bumps the schema cookie so that every
-- connection reads the new definition.
{{SQLITE}} PRAGMA writable_schema = ON;
{{SQLITE}} UPDATE sqlite_master SET sql = replace(sql, '''certificate-rejected''))', '''certificate-rejected'', ''reminder'', ''certificate-revoked''))') WHERE type = 'table' AND name = 'notifications';
{{SQLITE}} PRAGMA writable_schema = RESET;
CREATE INDEX notifications_certificate ON notifications(certificate_id);
