-- CertDesk schema, version 1. Runs on SQLite and PostgreSQL: the migrator
-- replaces {{PK}}, {{BLOB}}, {{TS}} and {{DATE}} with each dialect's types.
-- Statements end with a semicolon at the end of a line.

-- Groups form a tree; the one group without a parent is the platform group.
CREATE TABLE groups (
    id {{PK}},
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    parent_id BIGINT REFERENCES groups(id),
    created_at {{TS}} NOT NULL,
    CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE UNIQUE INDEX groups_name ON groups(name);
CREATE UNIQUE INDEX groups_single_root ON groups((parent_id IS NULL)) WHERE parent_id IS NULL;
CREATE INDEX groups_parent ON groups(parent_id);

-- Users are soft-deleted (R4: deleted users keep their results).
CREATE TABLE users (
    id {{PK}},
    email TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    manager_id BIGINT REFERENCES users(id),
    deleted BOOLEAN NOT NULL DEFAULT FALSE,
    language TEXT NOT NULL DEFAULT 'en',
    db_login TEXT,
    created_at {{TS}} NOT NULL,
    updated_at {{TS}} NOT NULL,
    CHECK (manager_id IS NULL OR manager_id <> id)
);
CREATE UNIQUE INDEX users_email ON users(email);
CREATE UNIQUE INDEX users_db_login ON users(db_login);
CREATE INDEX users_manager ON users(manager_id);
CREATE INDEX users_list ON users(deleted, name, id);

-- Password hashes live apart from users so that list queries (and, on a
-- shared server, row-level security) never touch them.
CREATE TABLE user_credentials (
    user_id BIGINT PRIMARY KEY REFERENCES users(id),
    password_hash TEXT NOT NULL,
    updated_at {{TS}} NOT NULL
);

CREATE TABLE memberships (
    user_id BIGINT NOT NULL REFERENCES users(id),
    group_id BIGINT NOT NULL REFERENCES groups(id),
    role TEXT NOT NULL CHECK (role IN ('admin', 'coach', 'learner')),
    PRIMARY KEY (user_id, group_id)
);
CREATE INDEX memberships_group ON memberships(group_id, role, user_id);

-- Internal certificate templates (R6 "Associate a certificate").
CREATE TABLE certificate_templates (
    id {{PK}},
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description TEXT NOT NULL DEFAULT '',
    validity_months INTEGER CHECK (validity_months IS NULL OR validity_months > 0),
    created_at {{TS}} NOT NULL
);
CREATE UNIQUE INDEX certificate_templates_name ON certificate_templates(name);

-- Platform settings (R1, R2, R3, credits, PDF size limit): typed in C++.
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at {{TS}},
    updated_by BIGINT REFERENCES users(id)
);
INSERT INTO settings (key, value) VALUES ('import.enabled', 'off');
INSERT INTO settings (key, value) VALUES ('validation.required', 'off');
INSERT INTO settings (key, value) VALUES ('validation.reviewers', 'group-admins');
INSERT INTO settings (key, value) VALUES ('credits.enabled', 'off');
INSERT INTO settings (key, value) VALUES ('pdf.max-size-mb', '20');

-- PDF bytes, content-addressed; list queries never read this table.
CREATE TABLE pdf_blobs (
    sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    size_bytes BIGINT NOT NULL CHECK (size_bytes > 0),
    page_count INTEGER NOT NULL CHECK (page_count > 0),
    data {{BLOB}} NOT NULL,
    created_at {{TS}} NOT NULL
);

-- Certificates held by users: internal ones (granted by the platform) and
-- external ones (imported PDFs). "Expiring soon" and "expired" are derived
-- from expires_on at read time, never stored.
CREATE TABLE certificates (
    id {{PK}},
    kind TEXT NOT NULL CHECK (kind IN ('internal', 'external')),
    owner_id BIGINT NOT NULL REFERENCES users(id),
    uploader_id BIGINT REFERENCES users(id),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    delivered_on {{DATE}} NOT NULL,
    expires_on {{DATE}},
    template_id BIGINT REFERENCES certificate_templates(id),
    credits DOUBLE PRECISION CHECK (credits IS NULL OR credits >= 0),
    status TEXT NOT NULL CHECK (status IN ('accepted', 'pending', 'validated', 'rejected')),
    pdf_sha256 TEXT REFERENCES pdf_blobs(sha256),
    original_filename TEXT,
    import_key TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at {{TS}} NOT NULL,
    updated_at {{TS}} NOT NULL,
    CHECK (expires_on IS NULL OR expires_on >= delivered_on),
    CHECK (kind = 'internal' OR pdf_sha256 IS NOT NULL)
);
CREATE INDEX certificates_owner_list ON certificates(owner_id, delivered_on, id);
CREATE INDEX certificates_pdf ON certificates(pdf_sha256);
CREATE INDEX certificates_expiry ON certificates(expires_on);
CREATE UNIQUE INDEX certificates_import_key ON certificates(import_key);

CREATE TABLE validation_tasks (
    id {{PK}},
    certificate_id BIGINT NOT NULL REFERENCES certificates(id),
    state TEXT NOT NULL CHECK (state IN ('open', 'validated', 'rejected')),
    version INTEGER NOT NULL DEFAULT 1,
    created_at {{TS}} NOT NULL,
    decided_at {{TS}},
    decided_by BIGINT REFERENCES users(id),
    comment TEXT
);
CREATE UNIQUE INDEX validation_tasks_one_open ON validation_tasks(certificate_id) WHERE state = 'open';
CREATE INDEX validation_tasks_state ON validation_tasks(state, id);

-- R3: who was asked to review a task.
CREATE TABLE task_reviewers (
    task_id BIGINT NOT NULL REFERENCES validation_tasks(id),
    reviewer_id BIGINT NOT NULL REFERENCES users(id),
    PRIMARY KEY (task_id, reviewer_id)
);
CREATE INDEX task_reviewers_reviewer ON task_reviewers(reviewer_id, task_id);

-- In-app notifications (R8, R9). Text is rendered at display time in the
-- reader's language from the category and the referenced rows.
CREATE TABLE notifications (
    id {{PK}},
    recipient_id BIGINT NOT NULL REFERENCES users(id),
    category TEXT NOT NULL CHECK (category IN ('validation-request', 'certificate-validated', 'certificate-rejected')),
    certificate_id BIGINT REFERENCES certificates(id),
    task_id BIGINT REFERENCES validation_tasks(id),
    actor_id BIGINT REFERENCES users(id),
    comment TEXT,
    created_at {{TS}} NOT NULL,
    read_at {{TS}}
);
CREATE INDEX notifications_inbox ON notifications(recipient_id, id);
CREATE INDEX notifications_unread ON notifications(recipient_id, read_at);

-- Email outbox: written in the same transaction as the notification, sent
-- later by a sender with retries (never inside a user's transaction).
CREATE TABLE email_outbox (
    id {{PK}},
    notification_id BIGINT REFERENCES notifications(id),
    recipient_email TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    language TEXT NOT NULL DEFAULT 'en',
    state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at {{TS}} NOT NULL,
    claimed_by TEXT,
    claimed_until {{TS}},
    sent_at {{TS}},
    last_error TEXT,
    created_at {{TS}} NOT NULL
);
CREATE INDEX email_outbox_due ON email_outbox(state, next_attempt_at, id);

-- Who changed what, when (append-only).
CREATE TABLE audit_log (
    id {{PK}},
    at {{TS}} NOT NULL,
    actor_id BIGINT REFERENCES users(id),
    action TEXT NOT NULL,
    subject_type TEXT NOT NULL,
    subject_id BIGINT,
    details TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_subject ON audit_log(subject_type, subject_id, id);
