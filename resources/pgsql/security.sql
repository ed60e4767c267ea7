-- CertDesk on a shared PostgreSQL server: the server keeps everyone where
-- they belong (the README's rules R1-R9 and "Deploying on PostgreSQL").
--
-- Applied by `certdesk-cli setup` as the schema owner, after the numbered
-- migrations, and again by every later `setup` (everything here can run
-- twice). Tokens: {{OWNER}} the owner role (cannot log in), {{MEMBER}} the
-- role every person's login belongs to, {{RELAY}} the role of email relays;
-- {{OWNER_NAME}}, {{MEMBER_NAME}} and {{RELAY_NAME}} are the same names as
-- string literals.
--
-- The model, in one paragraph: identity is the connection's login
-- (session_user), mapped to users.db_login by cd_me(). Every table has row-
-- level security, forced, so that even the owner goes through a policy. Reads
-- follow R5 (certificates, their PDFs, tasks and history: one's own and one's
-- scope's; notifications: one's own; the directory of users and groups: every
-- member). A write is allowed only together with the change that justifies
-- it, in the same transaction (a review decides the task before it changes
-- the certificate; a notification names a task written just now): triggers
-- compare a row's xmin with the current transaction. Statements are split on
-- lines ending with ';' outside $$ bodies.

-- --- Helpers (security definer, fixed search_path) ---------------------------

-- The signed-in person: the login of this connection, if it is an active user.
CREATE OR REPLACE FUNCTION cd_me() RETURNS BIGINT
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT id FROM users WHERE db_login = session_user AND deleted = FALSE
$$;

-- The database administrator (setup, demo data): superusers and roles that
-- bypass row security are trusted by the triggers, as they are by the policies.
CREATE OR REPLACE FUNCTION cd_trusted() RETURNS BOOLEAN
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT COALESCE((SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = session_user),
                    FALSE)
$$;

-- Was this row written (inserted or updated) by the current transaction?
CREATE OR REPLACE FUNCTION cd_written_now(row_xmin XID) RETURNS BOOLEAN
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT row_xmin = pg_current_xact_id()::xid
$$;

CREATE OR REPLACE FUNCTION cd_setting(setting_key TEXT) RETURNS TEXT
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT value FROM settings WHERE key = setting_key
$$;

CREATE OR REPLACE FUNCTION cd_is_active(uid BIGINT) RETURNS BOOLEAN
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM users WHERE id = uid AND deleted = FALSE)
$$;

-- Policy::isPlatformAdmin
CREATE OR REPLACE FUNCTION cd_is_platform_admin(uid BIGINT) RETURNS BOOLEAN
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM memberships m JOIN groups g ON g.id = m.group_id
                   JOIN users u ON u.id = m.user_id
                   WHERE m.user_id = uid AND m.role = 'admin' AND g.parent_id IS NULL
                     AND u.deleted = FALSE)
$$;

-- Everyone the actor may act for (README rules, R5; Policy::scopeCte).
CREATE OR REPLACE FUNCTION cd_scope(actor BIGINT) RETURNS SETOF BIGINT
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    WITH RECURSIVE admin_groups(id) AS (
        SELECT m.group_id FROM memberships m WHERE m.user_id = actor AND m.role = 'admin'
        UNION SELECT g.id FROM groups g JOIN admin_groups a ON g.parent_id = a.id),
    scope(user_id) AS (
        SELECT actor
        UNION SELECT m.user_id FROM memberships m JOIN admin_groups a ON m.group_id = a.id
        UNION SELECT u.id FROM users u WHERE u.manager_id = actor
        UNION SELECT l.user_id FROM memberships c JOIN memberships l ON l.group_id = c.group_id
              AND l.role = 'learner' WHERE c.user_id = actor AND c.role = 'coach')
    SELECT user_id FROM scope WHERE cd_is_active(actor) AND NOT cd_is_platform_admin(actor)
    UNION ALL
    SELECT id FROM users WHERE cd_is_active(actor) AND cd_is_platform_admin(actor)
$$;

-- Policy::inScope
CREATE OR REPLACE FUNCTION cd_in_scope(actor BIGINT, target BIGINT) RETURNS BOOLEAN
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT target IN (SELECT cd_scope(actor))
$$;

-- Policy::mayImport (R1, R4)
CREATE OR REPLACE FUNCTION cd_may_import(actor BIGINT, target BIGINT) RETURNS BOOLEAN
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT cd_is_active(actor) AND cd_setting('import.enabled') = 'on' AND cd_in_scope(actor, target)
$$;

-- Policy::mayAssociateTemplate (R7)
CREATE OR REPLACE FUNCTION cd_may_associate_template(actor BIGINT) RETURNS BOOLEAN
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT cd_is_active(actor) AND (cd_setting('validation.required') <> 'on'
        OR EXISTS (SELECT 1 FROM memberships WHERE user_id = actor AND role = 'admin')
        OR EXISTS (SELECT 1 FROM users WHERE manager_id = actor))
$$;

-- Policy::adminOfGroupOrAncestor
CREATE OR REPLACE FUNCTION cd_admin_of_group(actor BIGINT, grp BIGINT) RETURNS BOOLEAN
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    WITH RECURSIVE up(id) AS (SELECT grp UNION
        SELECT g.parent_id FROM groups g JOIN up ON g.id = up.id WHERE g.parent_id IS NOT NULL)
    SELECT EXISTS (SELECT 1 FROM memberships m JOIN up ON m.group_id = up.id
                   JOIN users u ON u.id = m.user_id
                   WHERE m.user_id = actor AND m.role = 'admin' AND u.deleted = FALSE)
$$;

-- Policy::mayManageUser: platform admins manage anyone but themselves; a
-- group admin the members of their groups, except platform admins (deleted
-- ones too: restoring one gives their login back), whom only another
-- platform admin deletes, restores or disables (README "Rules", People).
CREATE OR REPLACE FUNCTION cd_may_manage_user(actor BIGINT, target BIGINT) RETURNS BOOLEAN
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT actor <> target AND (cd_is_platform_admin(actor) OR (
        NOT EXISTS (SELECT 1 FROM memberships m JOIN groups g ON g.id = m.group_id
                     WHERE m.user_id = target AND m.role = 'admin' AND g.parent_id IS NULL)
        AND EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = target
                       AND cd_admin_of_group(actor, m.group_id))))
$$;

-- Policy::reviewersFor in group-admins mode (R3): for each of the owner's
-- groups (the platform group when none), the admins of the nearest group up
-- the tree that has an admin other than the owner and the uploader. Also
-- whom a reminder goes to when the owner has no manager (README "Reminders").
CREATE OR REPLACE FUNCTION cd_group_reviewers_for(owner BIGINT, uploader BIGINT)
RETURNS SETOF BIGINT
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    start BIGINT;
    g BIGINT;
    admins BIGINT[];
    found BIGINT[] := '{}';
BEGIN
    FOR start IN
        SELECT group_id FROM memberships WHERE user_id = owner
        UNION ALL SELECT id FROM groups WHERE parent_id IS NULL
              AND NOT EXISTS (SELECT 1 FROM memberships WHERE user_id = owner)
    LOOP
        g := start;
        WHILE g IS NOT NULL LOOP
            admins := ARRAY(SELECT m.user_id FROM memberships m JOIN users u ON u.id = m.user_id
                             WHERE m.group_id = g AND m.role = 'admin' AND u.deleted = FALSE
                               AND u.id <> owner AND u.id IS DISTINCT FROM uploader);
            IF cardinality(admins) > 0 THEN
                found := found || admins;
                EXIT;
            END IF;
            SELECT parent_id INTO g FROM groups WHERE id = g;
        END LOOP;
    END LOOP;
    RETURN QUERY SELECT DISTINCT r FROM unnest(found) AS r ORDER BY r;
END
$$;

-- Policy::reviewersFor (R3, four eyes): the manager when reviewers are
-- managers and the owner has an active one who did not upload the
-- certificate; else the group admins above.
DROP FUNCTION IF EXISTS cd_reviewers_for(BIGINT);
CREATE OR REPLACE FUNCTION cd_reviewers_for(owner BIGINT, uploader BIGINT) RETURNS SETOF BIGINT
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    manager BIGINT;
BEGIN
    IF cd_setting('validation.reviewers') = 'managers' THEN
        SELECT m.id INTO manager FROM users o JOIN users m ON m.id = o.manager_id
         WHERE o.id = owner AND m.deleted = FALSE;
        IF manager IS NOT NULL AND manager <> owner AND manager IS DISTINCT FROM uploader THEN
            RETURN NEXT manager;
            RETURN;
        END IF;
    END IF;
    RETURN QUERY SELECT cd_group_reviewers_for(owner, uploader);
END
$$;

-- PlatformSettings::parseReminderDays: reminders.days as stored ("90,30,7,0"
-- or "none") as an array, NULL when malformed (a number over 3650, one given
-- twice, more than ten).
CREATE OR REPLACE FUNCTION cd_reminder_days(p_value TEXT) RETURNS INTEGER[]
LANGUAGE plpgsql IMMUTABLE SET search_path = public, pg_temp AS $$
DECLARE
    days INTEGER[];
BEGIN
    IF p_value = 'none' THEN
        RETURN '{}';
    END IF;
    IF p_value IS NULL OR p_value !~ '^[0-9]{1,4}(,[0-9]{1,4}){0,9}$' THEN
        RETURN NULL;
    END IF;
    days := string_to_array(p_value, ',')::INTEGER[];
    IF EXISTS (SELECT 1 FROM unnest(days) AS d WHERE d > 3650)
       OR (SELECT COUNT(DISTINCT d) FROM unnest(days) AS d) <> cardinality(days) THEN
        RETURN NULL;
    END IF;
    RETURN days;
END
$$;

-- Policy::mayRevoke (README "Rules", Revocation): platform admins and those
-- R3 routes the owner's certificates to; never the owner.
CREATE OR REPLACE FUNCTION cd_may_revoke(actor BIGINT, owner BIGINT) RETURNS BOOLEAN
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT actor IS NOT NULL AND actor <> owner
           AND (cd_is_platform_admin(actor) OR actor IN (SELECT cd_reviewers_for(owner, NULL)))
$$;

-- Policy::mayReview (R3, R8): assigned or platform admin; never the owner
-- nor the uploader (four eyes).
CREATE OR REPLACE FUNCTION cd_may_review(actor BIGINT, task BIGINT) RETURNS BOOLEAN
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT cd_is_active(actor) AND EXISTS (
        SELECT 1 FROM validation_tasks t JOIN certificates c ON c.id = t.certificate_id
         WHERE t.id = task AND c.owner_id <> actor AND c.uploader_id IS DISTINCT FROM actor
           AND (cd_is_platform_admin(actor) OR EXISTS (
                SELECT 1 FROM task_reviewers r WHERE r.task_id = t.id AND r.reviewer_id = actor)))
$$;

-- What the signed-in person may read (R5), once per statement.
CREATE OR REPLACE FUNCTION cd_my_scope() RETURNS SETOF BIGINT
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT cd_scope(cd_me())
$$;

CREATE OR REPLACE FUNCTION cd_my_review_certificates() RETURNS SETOF BIGINT
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT t.certificate_id FROM validation_tasks t JOIN task_reviewers r ON r.task_id = t.id
     WHERE r.reviewer_id = cd_me()
$$;

-- The PDFs uploaded by the current transaction: the uploader may see the
-- blob they are storing (INSERT ... ON CONFLICT checks the new row against
-- the read policy) before the certificate that names it exists. Only the
-- owner writes here, from cd_check_blob, which checks the bytes' hash.
CREATE TABLE IF NOT EXISTS cd_uploads (
    sha256 TEXT NOT NULL,
    xact XID8 NOT NULL,
    at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS cd_uploads_sha ON cd_uploads (sha256);
ALTER TABLE cd_uploads ENABLE ROW LEVEL SECURITY;
ALTER TABLE cd_uploads FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS owner_all ON cd_uploads;
CREATE POLICY owner_all ON cd_uploads TO {{OWNER}} USING (TRUE) WITH CHECK (TRUE);

-- Volatile: it must see the row cd_check_blob wrote during the same statement.
CREATE OR REPLACE FUNCTION cd_uploaded_now(blob TEXT) RETURNS BOOLEAN
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM cd_uploads WHERE sha256 = blob AND xact = pg_current_xact_id())
$$;

CREATE OR REPLACE FUNCTION cd_refuse(message TEXT) RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege', MESSAGE = message;
END
$$;

-- --- Row-level security: every table, forced --------------------------------

ALTER TABLE schema_version ENABLE ROW LEVEL SECURITY;
ALTER TABLE schema_version FORCE ROW LEVEL SECURITY;
ALTER TABLE groups ENABLE ROW LEVEL SECURITY;
ALTER TABLE groups FORCE ROW LEVEL SECURITY;
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
ALTER TABLE user_credentials ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_credentials FORCE ROW LEVEL SECURITY;
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
ALTER TABLE memberships FORCE ROW LEVEL SECURITY;
ALTER TABLE certificate_templates ENABLE ROW LEVEL SECURITY;
ALTER TABLE certificate_templates FORCE ROW LEVEL SECURITY;
ALTER TABLE settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE settings FORCE ROW LEVEL SECURITY;
ALTER TABLE pdf_blobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE pdf_blobs FORCE ROW LEVEL SECURITY;
ALTER TABLE certificates ENABLE ROW LEVEL SECURITY;
ALTER TABLE certificates FORCE ROW LEVEL SECURITY;
ALTER TABLE validation_tasks ENABLE ROW LEVEL SECURITY;
ALTER TABLE validation_tasks FORCE ROW LEVEL SECURITY;
ALTER TABLE task_reviewers ENABLE ROW LEVEL SECURITY;
ALTER TABLE task_reviewers FORCE ROW LEVEL SECURITY;
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
ALTER TABLE notifications FORCE ROW LEVEL SECURITY;
ALTER TABLE email_outbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE email_outbox FORCE ROW LEVEL SECURITY;
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
ALTER TABLE reminders_sent ENABLE ROW LEVEL SECURITY;
ALTER TABLE reminders_sent FORCE ROW LEVEL SECURITY;
ALTER TABLE group_requirements ENABLE ROW LEVEL SECURITY;
ALTER TABLE group_requirements FORCE ROW LEVEL SECURITY;

-- The owner (reached only through the functions above and the triggers below)
-- sees and writes every row.
DROP POLICY IF EXISTS owner_all ON schema_version;
CREATE POLICY owner_all ON schema_version TO {{OWNER}} USING (TRUE) WITH CHECK (TRUE);
DROP POLICY IF EXISTS owner_all ON groups;
CREATE POLICY owner_all ON groups TO {{OWNER}} USING (TRUE) WITH CHECK (TRUE);
DROP POLICY IF EXISTS owner_all ON users;
CREATE POLICY owner_all ON users TO {{OWNER}} USING (TRUE) WITH CHECK (TRUE);
DROP POLICY IF EXISTS owner_all ON user_credentials;
CREATE POLICY owner_all ON user_credentials TO {{OWNER}} USING (TRUE) WITH CHECK (TRUE);
DROP POLICY IF EXISTS owner_all ON memberships;
CREATE POLICY owner_all ON memberships TO {{OWNER}} USING (TRUE) WITH CHECK (TRUE);
DROP POLICY IF EXISTS owner_all ON certificate_templates;
CREATE POLICY owner_all ON certificate_templates TO {{OWNER}} USING (TRUE) WITH CHECK (TRUE);
DROP POLICY IF EXISTS owner_all ON settings;
CREATE POLICY owner_all ON settings TO {{OWNER}} USING (TRUE) WITH CHECK (TRUE);
DROP POLICY IF EXISTS owner_all ON pdf_blobs;
CREATE POLICY owner_all ON pdf_blobs TO {{OWNER}} USING (TRUE) WITH CHECK (TRUE);
DROP POLICY IF EXISTS owner_all ON certificates;
CREATE POLICY owner_all ON certificates TO {{OWNER}} USING (TRUE) WITH CHECK (TRUE);
DROP POLICY IF EXISTS owner_all ON validation_tasks;
CREATE POLICY owner_all ON validation_tasks TO {{OWNER}} USING (TRUE) WITH CHECK (TRUE);
DROP POLICY IF EXISTS owner_all ON task_reviewers;
CREATE POLICY owner_all ON task_reviewers TO {{OWNER}} USING (TRUE) WITH CHECK (TRUE);
DROP POLICY IF EXISTS owner_all ON notifications;
CREATE POLICY owner_all ON notifications TO {{OWNER}} USING (TRUE) WITH CHECK (TRUE);
DROP POLICY IF EXISTS owner_all ON email_outbox;
CREATE POLICY owner_all ON email_outbox TO {{OWNER}} USING (TRUE) WITH CHECK (TRUE);
DROP POLICY IF EXISTS owner_all ON audit_log;
CREATE POLICY owner_all ON audit_log TO {{OWNER}} USING (TRUE) WITH CHECK (TRUE);
-- Reminders sent: nobody but the owner (the reminder job runs through the
-- server's API).
DROP POLICY IF EXISTS owner_all ON reminders_sent;
CREATE POLICY owner_all ON reminders_sent TO {{OWNER}} USING (TRUE) WITH CHECK (TRUE);
DROP POLICY IF EXISTS owner_all ON group_requirements;
CREATE POLICY owner_all ON group_requirements TO {{OWNER}} USING (TRUE) WITH CHECK (TRUE);

-- The directory (names, emails, groups, roles, managers, templates, settings)
-- is readable by every member, as a company directory is: the Users page, the
-- routing of R3 and the names in notifications need it. Passwords are not in
-- it: on PostgreSQL they are the server's (user_credentials stays empty and
-- nobody but the owner may read it).
DROP POLICY IF EXISTS member_read ON schema_version;
CREATE POLICY member_read ON schema_version FOR SELECT TO {{MEMBER}}, {{RELAY}} USING (TRUE);
DROP POLICY IF EXISTS member_read ON groups;
CREATE POLICY member_read ON groups FOR SELECT TO {{MEMBER}} USING (TRUE);
DROP POLICY IF EXISTS member_read ON users;
CREATE POLICY member_read ON users FOR SELECT TO {{MEMBER}}, {{RELAY}} USING (TRUE);
DROP POLICY IF EXISTS member_read ON memberships;
CREATE POLICY member_read ON memberships FOR SELECT TO {{MEMBER}} USING (TRUE);
DROP POLICY IF EXISTS member_read ON certificate_templates;
CREATE POLICY member_read ON certificate_templates FOR SELECT TO {{MEMBER}} USING (TRUE);
DROP POLICY IF EXISTS member_read ON group_requirements;
CREATE POLICY member_read ON group_requirements FOR SELECT TO {{MEMBER}} USING (TRUE);
DROP POLICY IF EXISTS member_read ON settings;
CREATE POLICY member_read ON settings FOR SELECT TO {{MEMBER}}, {{RELAY}} USING (TRUE);

-- The directory's writes (policies on the caller-only questions of cd_api)
-- and the tables with hidden rows: see api.sql.

-- --- Server-side rules for every write (triggers) ---------------------------

-- The fields of a certificate written by a member (CertificateService::
-- checkFields, its twin): a name without control characters, a delivery date
-- from 1900 to today (one day of grace for time zones east of the server),
-- an expiration not before delivery, credits from 0 to 10000; and a PDF the
-- writer holds: uploaded in this transaction (cd_check_blob saw its bytes)
-- or one of a certificate they may already see (R5, R8).
CREATE OR REPLACE FUNCTION cd_check_certificate_fields(p_new certificates, p_old certificates)
RETURNS VOID
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me BIGINT := cd_me();
BEGIN
    IF p_new.name ~ '[[:cntrl:]]' OR length(btrim(p_new.name)) = 0 THEN
        PERFORM cd_refuse('A certificate''s name is not empty and has no control characters.');
    END IF;
    IF (p_old IS NULL OR p_new.delivered_on IS DISTINCT FROM p_old.delivered_on)
       AND (p_new.delivered_on > current_date + 1 OR p_new.delivered_on < DATE '1900-01-01') THEN
        PERFORM cd_refuse('A certificate is delivered on or before today (and after 1900).');
    END IF;
    IF p_new.expires_on IS NOT NULL AND p_new.expires_on < p_new.delivered_on THEN
        PERFORM cd_refuse('A certificate does not expire before it is delivered.');
    END IF;
    IF p_new.credits IS NOT NULL AND (p_new.credits < 0 OR p_new.credits > 10000 OR p_new.credits = 'NaN') THEN
        PERFORM cd_refuse('Credits are a number from 0 to 10000.');
    END IF;
    -- A PDF repaired on import (README "Untrusted PDFs"): the upload's
    -- SHA-256 and the repair codes come together, with a file uploaded now,
    -- and stay with it.
    IF (p_new.uploaded_sha256 IS NULL) <> (p_new.pdf_repairs IS NULL)
       OR p_new.uploaded_sha256 !~ '^[0-9a-f]{64}$'
       OR p_new.uploaded_sha256 = p_new.pdf_sha256
       OR p_new.pdf_repairs !~ '^(leading-bytes|encryption|cross-reference|structure|page-tree)(,(leading-bytes|encryption|cross-reference|structure|page-tree))*$' THEN
        PERFORM cd_refuse('A repaired PDF names the SHA-256 of its upload and what was repaired.');
    END IF;
    IF p_old.id IS NOT NULL
       AND (p_new.uploaded_sha256 IS DISTINCT FROM p_old.uploaded_sha256
            OR p_new.pdf_repairs IS DISTINCT FROM p_old.pdf_repairs)
       AND p_new.pdf_sha256 IS NOT DISTINCT FROM p_old.pdf_sha256
       AND NOT cd_uploaded_now(p_new.pdf_sha256) THEN
        PERFORM cd_refuse('What was repaired in a PDF is written with the repaired file.');
    END IF;
    IF p_new.pdf_sha256 IS NOT NULL AND (p_old IS NULL OR p_new.pdf_sha256 IS DISTINCT FROM p_old.pdf_sha256)
       AND NOT cd_uploaded_now(p_new.pdf_sha256)
       AND NOT EXISTS (SELECT 1 FROM certificates c WHERE c.pdf_sha256 = p_new.pdf_sha256
                          AND c.id <> p_new.id
                          AND (c.owner_id IN (SELECT cd_scope(me)) OR c.id IN (
                               SELECT t.certificate_id FROM validation_tasks t
                                 JOIN task_reviewers r ON r.task_id = t.id
                                WHERE r.reviewer_id = me))) THEN
        PERFORM cd_refuse('A certificate names a PDF uploaded with it, or one of a certificate '
                          'you may see.');
    END IF;
END
$$;

-- Certificates: an import is the importer's (R1, R4), in the state the
-- platform's validation switch says (R2), with a template only where R7
-- allows it; afterwards a certificate changes only through a review decided
-- in the same transaction by a reviewer (R3, R8) or a resubmission of a
-- rejected one by someone who may import for its owner.
CREATE OR REPLACE FUNCTION cd_check_certificate() RETURNS TRIGGER
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me BIGINT := cd_me();
    expected TEXT := CASE WHEN cd_setting('validation.required') = 'on' THEN 'pending'
                          ELSE 'accepted' END;
BEGIN
    IF cd_trusted() THEN
        RETURN NEW;
    END IF;
    IF me IS NULL THEN
        PERFORM cd_refuse('Only CertDesk users write certificates.');
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.kind = 'internal' THEN
            IF NOT cd_is_platform_admin(me) THEN
                PERFORM cd_refuse('Only platform admins record internal certificates.');
            END IF;
        ELSIF NOT cd_may_import(me, NEW.owner_id) THEN
            PERFORM cd_refuse('You may not import certificates for this person (R1, R4).');
        ELSIF NEW.status <> expected THEN
            PERFORM cd_refuse(format('A new certificate is %s on this platform (R2).', expected));
        END IF;
        IF NEW.uploader_id IS DISTINCT FROM me THEN
            PERFORM cd_refuse('The uploader of a certificate is the person importing it.');
        END IF;
        IF NEW.template_id IS NOT NULL AND NOT cd_may_associate_template(me) THEN
            PERFORM cd_refuse('You may not associate a certificate template (R7).');
        END IF;
        IF NEW.credits IS NOT NULL AND cd_setting('credits.enabled') <> 'on' THEN
            PERFORM cd_refuse('The credits feature is off on this platform.');
        END IF;
        IF NEW.revoked_at IS NOT NULL OR NEW.revoked_by IS NOT NULL
           OR NEW.revoke_reason IS NOT NULL OR NEW.renewed_by_id IS NOT NULL THEN
            PERFORM cd_refuse('A new certificate is neither revoked nor renewed.');
        END IF;
        -- A renewal (README "Rules", Renewal): of a certificate of the same
        -- owner, accepted or validated, neither revoked nor renewed yet.
        IF NEW.renews_id IS NOT NULL AND NOT EXISTS (
               SELECT 1 FROM certificates o WHERE o.id = NEW.renews_id
                  AND o.owner_id = NEW.owner_id AND o.status IN ('accepted', 'validated')
                  AND o.revoked_at IS NULL AND o.renewed_by_id IS NULL) THEN
            PERFORM cd_refuse('A renewal renews a valid certificate of the same person that was '
                              'neither revoked nor renewed.');
        END IF;
        PERFORM cd_check_certificate_fields(NEW, NULL);
        NEW.version := 1;
        NEW.created_at := now();
        NEW.updated_at := now();
        RETURN NEW;
    END IF;
    IF NEW.id <> OLD.id OR NEW.owner_id <> OLD.owner_id OR NEW.kind <> OLD.kind
       OR NEW.import_key IS DISTINCT FROM OLD.import_key OR NEW.created_at <> OLD.created_at THEN
        PERFORM cd_refuse('The owner, kind and origin of a certificate never change.');
    END IF;
    IF NEW.version <> OLD.version + 1 THEN
        PERFORM cd_refuse('Every change of a certificate raises its version by one.');
    END IF;
    IF NEW.renews_id IS DISTINCT FROM OLD.renews_id THEN
        PERFORM cd_refuse('What a certificate renews never changes.');
    END IF;
    -- Its life after validation (README "Rules", Revocation and Renewal): a
    -- revocation, or the mark of the renewal that replaced it, changes
    -- nothing else, is never undone, and is written once.
    IF (NEW.revoked_at, NEW.revoked_by, NEW.revoke_reason, NEW.renewed_by_id)
       IS DISTINCT FROM (OLD.revoked_at, OLD.revoked_by, OLD.revoke_reason, OLD.renewed_by_id) THEN
        IF (NEW.name, NEW.delivered_on, NEW.expires_on, NEW.template_id, NEW.credits, NEW.status,
            NEW.pdf_sha256, NEW.original_filename, NEW.uploader_id, NEW.uploaded_sha256,
            NEW.pdf_repairs)
           IS DISTINCT FROM (OLD.name, OLD.delivered_on, OLD.expires_on, OLD.template_id,
                             OLD.credits, OLD.status, OLD.pdf_sha256, OLD.original_filename,
                             OLD.uploader_id, OLD.uploaded_sha256, OLD.pdf_repairs) THEN
            PERFORM cd_refuse('A revocation or a renewal changes nothing else of a certificate.');
        END IF;
        IF OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL
           AND NEW.renewed_by_id IS NOT DISTINCT FROM OLD.renewed_by_id THEN
            IF OLD.kind <> 'external' OR OLD.status NOT IN ('accepted', 'validated') THEN
                PERFORM cd_refuse('Only a validated or accepted external certificate is revoked.');
            END IF;
            IF NEW.revoked_by IS DISTINCT FROM me OR NOT cd_may_revoke(me, OLD.owner_id) THEN
                PERFORM cd_refuse('Only platform admins and the reviewers of its owner revoke a '
                                  'certificate, never its owner.');
            END IF;
            IF NEW.revoke_reason IS NULL OR length(btrim(NEW.revoke_reason)) = 0
               OR length(NEW.revoke_reason) > 2000
               OR replace(NEW.revoke_reason, E'\n', '') ~ '[[:cntrl:]]' THEN
                PERFORM cd_refuse('A revocation says why, in at most 2000 characters.');
            END IF;
            NEW.revoked_at := now();
        ELSIF OLD.renewed_by_id IS NULL AND NEW.renewed_by_id IS NOT NULL
              AND (NEW.revoked_at, NEW.revoked_by, NEW.revoke_reason)
                  IS NOT DISTINCT FROM (OLD.revoked_at, OLD.revoked_by, OLD.revoke_reason) THEN
            -- Its renewal was accepted (imported now by this person) or
            -- validated (its task decided now by this reviewer).
            IF NOT EXISTS (SELECT 1 FROM certificates r
                            WHERE r.id = NEW.renewed_by_id AND r.renews_id = OLD.id
                              AND r.status IN ('accepted', 'validated')
                              AND ((r.status = 'accepted' AND r.uploader_id = me
                                    AND cd_written_now(r.xmin))
                                   OR EXISTS (SELECT 1 FROM validation_tasks t
                                               WHERE t.certificate_id = r.id
                                                 AND t.state = 'validated' AND t.decided_by = me
                                                 AND cd_written_now(t.xmin)))) THEN
                PERFORM cd_refuse('A certificate is marked renewed by its renewal, once that is '
                                  'accepted or validated.');
            END IF;
        ELSE
            PERFORM cd_refuse('A revocation is never undone, nor a renewal replaced.');
        END IF;
        NEW.updated_at := now();
        RETURN NEW;
    END IF;
    IF OLD.status = 'pending' AND NEW.status IN ('validated', 'rejected') THEN
        -- A review: its task was decided just now, by this reviewer, this way.
        IF NOT EXISTS (SELECT 1 FROM validation_tasks t
                        WHERE t.certificate_id = NEW.id AND t.state = NEW.status
                          AND t.decided_by = me AND cd_written_now(t.xmin)) THEN
            PERFORM cd_refuse('A certificate is validated or rejected only by deciding its '
                              'validation task (R3, R8).');
        END IF;
        IF NEW.pdf_sha256 IS DISTINCT FROM OLD.pdf_sha256 OR NEW.credits IS DISTINCT FROM OLD.credits
           OR NEW.uploader_id IS DISTINCT FROM OLD.uploader_id
           OR NEW.uploaded_sha256 IS DISTINCT FROM OLD.uploaded_sha256
           OR NEW.pdf_repairs IS DISTINCT FROM OLD.pdf_repairs THEN
            PERFORM cd_refuse('A reviewer edits the name, the dates and the template only.');
        END IF;
        IF NEW.template_id IS DISTINCT FROM OLD.template_id AND NEW.template_id IS NOT NULL
           AND NOT cd_may_associate_template(me) THEN
            PERFORM cd_refuse('You may not associate a certificate template (R7).');
        END IF;
        PERFORM cd_check_certificate_fields(NEW, OLD);
    ELSIF OLD.status = 'rejected' AND NEW.status = expected THEN
        -- A resubmission of a rejected certificate.
        IF NOT cd_may_import(me, NEW.owner_id) THEN
            PERFORM cd_refuse('You may not send this certificate again (R1, R4).');
        END IF;
        -- Who sends it again is its uploader now (four eyes, README "Rules" R3).
        IF NEW.uploader_id IS DISTINCT FROM me THEN
            PERFORM cd_refuse('The uploader of a resubmission is the person sending it again.');
        END IF;
        IF NEW.template_id IS DISTINCT FROM OLD.template_id AND NEW.template_id IS NOT NULL
           AND NOT cd_may_associate_template(me) THEN
            PERFORM cd_refuse('You may not associate a certificate template (R7).');
        END IF;
        IF NEW.credits IS DISTINCT FROM OLD.credits AND NEW.credits IS NOT NULL
           AND cd_setting('credits.enabled') <> 'on' THEN
            PERFORM cd_refuse('The credits feature is off on this platform.');
        END IF;
        PERFORM cd_check_certificate_fields(NEW, OLD);
    ELSE
        PERFORM cd_refuse(format('A certificate does not go from %s to %s that way: only a review '
                                 'or a resubmission changes it.', OLD.status, NEW.status));
    END IF;
    NEW.updated_at := now();
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS cd_check ON certificates;
CREATE TRIGGER cd_check BEFORE INSERT OR UPDATE ON certificates
    FOR EACH ROW EXECUTE FUNCTION cd_check_certificate();

-- A PDF is what it says it is: its hash, its size, a PDF header, within the
-- platform's size limit.
CREATE OR REPLACE FUNCTION cd_check_blob() RETURNS TRIGGER
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    limit_mb NUMERIC := COALESCE(NULLIF(cd_setting('pdf.max-size-mb'), '')::NUMERIC, 20);
BEGIN
    IF cd_trusted() THEN
        RETURN NEW;
    END IF;
    IF NEW.sha256 <> encode(sha256(NEW.data), 'hex') OR NEW.size_bytes <> octet_length(NEW.data)
       OR substring(NEW.data FROM 1 FOR 5) <> '\x255044462d'::BYTEA
       OR octet_length(NEW.data) > limit_mb * 1024 * 1024 THEN
        PERFORM cd_refuse('A PDF is stored under its own SHA-256, with its size, within the '
                          'platform''s limit.');
    END IF;
    DELETE FROM cd_uploads WHERE at < now() - INTERVAL '1 hour';
    INSERT INTO cd_uploads (sha256, xact) VALUES (NEW.sha256, pg_current_xact_id());
    NEW.created_at := now();
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS cd_check ON pdf_blobs;
CREATE TRIGGER cd_check BEFORE INSERT ON pdf_blobs FOR EACH ROW EXECUTE FUNCTION cd_check_blob();

-- Tasks: opened with the pending certificate written just now; decided once,
-- by a reviewer who is not the owner, with a comment when rejected.
CREATE OR REPLACE FUNCTION cd_check_task() RETURNS TRIGGER
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me BIGINT := cd_me();
BEGIN
    IF cd_trusted() THEN
        RETURN NEW;
    END IF;
    IF me IS NULL THEN
        PERFORM cd_refuse('Only CertDesk users write validation tasks.');
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.state <> 'open' OR NEW.decided_by IS NOT NULL OR NOT EXISTS (
               SELECT 1 FROM certificates c WHERE c.id = NEW.certificate_id
                  AND c.status = 'pending' AND cd_written_now(c.xmin)) THEN
            PERFORM cd_refuse('A validation task opens with the pending certificate it reviews.');
        END IF;
        NEW.version := 1;
        NEW.created_at := now();
        NEW.decided_at := NULL;
        NEW.comment := NULL;
        RETURN NEW;
    END IF;
    IF OLD.state <> 'open' THEN
        PERFORM cd_refuse('This task is decided already.');
    END IF;
    IF NEW.state NOT IN ('validated', 'rejected') OR NEW.certificate_id <> OLD.certificate_id
       OR NEW.id <> OLD.id OR NEW.version <> OLD.version + 1 OR NEW.decided_by IS DISTINCT FROM me
       OR NEW.created_at <> OLD.created_at THEN
        PERFORM cd_refuse('A task is decided by its reviewer: validated or rejected, once.');
    END IF;
    IF NOT cd_may_review(me, NEW.id) THEN
        PERFORM cd_refuse('You are not a reviewer of this certificate (R3); nobody validates '
                          'their own.');
    END IF;
    IF NEW.state = 'rejected' AND COALESCE(btrim(NEW.comment), '') = '' THEN
        PERFORM cd_refuse('A rejection needs a comment.');
    END IF;
    NEW.decided_at := now();
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS cd_check ON validation_tasks;
CREATE TRIGGER cd_check BEFORE INSERT OR UPDATE ON validation_tasks
    FOR EACH ROW EXECUTE FUNCTION cd_check_task();

-- A decided task's validation requests are done for every reviewer.
CREATE OR REPLACE FUNCTION cd_task_decided() RETURNS TRIGGER
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    UPDATE notifications SET read_at = now()
     WHERE task_id = NEW.id AND category = 'validation-request' AND read_at IS NULL;
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS cd_decided ON validation_tasks;
CREATE TRIGGER cd_decided AFTER UPDATE ON validation_tasks FOR EACH ROW
    WHEN (OLD.state = 'open' AND NEW.state <> 'open') EXECUTE FUNCTION cd_task_decided();

-- Reviewers of a task are the ones R3 names, nobody else.
CREATE OR REPLACE FUNCTION cd_check_reviewer() RETURNS TRIGGER
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    owner BIGINT;
    uploader BIGINT;
BEGIN
    IF cd_trusted() THEN
        RETURN NEW;
    END IF;
    SELECT c.owner_id, c.uploader_id INTO owner, uploader FROM validation_tasks t
      JOIN certificates c ON c.id = t.certificate_id
     WHERE t.id = NEW.task_id AND t.state = 'open' AND cd_written_now(t.xmin);
    IF owner IS NULL OR NEW.reviewer_id NOT IN (SELECT cd_reviewers_for(owner, uploader)) THEN
        PERFORM cd_refuse('The reviewers of a task are those the platform''s rule names (R3).');
    END IF;
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS cd_check ON task_reviewers;
CREATE TRIGGER cd_check BEFORE INSERT ON task_reviewers
    FOR EACH ROW EXECUTE FUNCTION cd_check_reviewer();

-- Notifications: a member only marks their own read.
CREATE OR REPLACE FUNCTION cd_check_notification() RETURNS TRIGGER
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    IF cd_trusted() OR current_user = {{OWNER_NAME}} THEN
        RETURN NEW;
    END IF;
    IF NEW.id <> OLD.id OR NEW.recipient_id <> OLD.recipient_id OR NEW.category <> OLD.category
       OR NEW.certificate_id IS DISTINCT FROM OLD.certificate_id
       OR NEW.task_id IS DISTINCT FROM OLD.task_id OR NEW.actor_id IS DISTINCT FROM OLD.actor_id
       OR NEW.comment IS DISTINCT FROM OLD.comment OR NEW.created_at <> OLD.created_at
       OR NEW.threshold_days IS DISTINCT FROM OLD.threshold_days THEN
        PERFORM cd_refuse('Only the read mark of a notification changes.');
    END IF;
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS cd_check ON notifications;
CREATE TRIGGER cd_check BEFORE UPDATE ON notifications
    FOR EACH ROW EXECUTE FUNCTION cd_check_notification();

-- Email: a platform admin only puts a failed email back in the queue.
CREATE OR REPLACE FUNCTION cd_check_email() RETURNS TRIGGER
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    IF cd_trusted() OR current_user = {{OWNER_NAME}} OR pg_has_role(current_user, {{RELAY_NAME}}, 'MEMBER') THEN
        RETURN NEW;
    END IF;
    IF OLD.state <> 'failed' OR NEW.state <> 'queued' OR NEW.id <> OLD.id
       OR NEW.recipient_email <> OLD.recipient_email OR NEW.subject <> OLD.subject
       OR NEW.body <> OLD.body OR NEW.notification_id IS DISTINCT FROM OLD.notification_id THEN
        PERFORM cd_refuse('A platform admin only sends a failed email again.');
    END IF;
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS cd_check ON email_outbox;
CREATE TRIGGER cd_check BEFORE UPDATE ON email_outbox
    FOR EACH ROW EXECUTE FUNCTION cd_check_email();

-- Settings: known keys and values only; who changed it is the signed-in person.
CREATE OR REPLACE FUNCTION cd_check_setting() RETURNS TRIGGER
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF cd_trusted() THEN
        RETURN NEW;
    END IF;
    IF NEW.key LIKE 'server.%' THEN
        PERFORM cd_refuse('Server settings are changed by certdesk-cli setup only.');
    END IF;
    IF (NEW.key IN ('import.enabled', 'validation.required', 'credits.enabled',
                    'reminders.manager')
            AND NEW.value NOT IN ('on', 'off'))
       OR (NEW.key = 'reminders.days' AND cd_reminder_days(NEW.value) IS NULL)
       OR (NEW.key = 'validation.reviewers' AND NEW.value NOT IN ('managers', 'group-admins'))
       OR (NEW.key = 'pdf.max-size-mb' AND NEW.value !~ '^[0-9]{1,4}$')
       OR (NEW.key IN ('pdf.check-seconds', 'pdf.check-memory-mb')
           AND NEW.value !~ '^[0-9]{1,5}$')
       OR (NEW.key = 'expiry.soon-days'
           AND CASE WHEN NEW.value ~ '^[0-9]{1,3}$' THEN NEW.value::INTEGER NOT BETWEEN 1 AND 365
                    ELSE TRUE END) THEN
        PERFORM cd_refuse(format('%s cannot be %s.', NEW.key, NEW.value));
    END IF;
    NEW.updated_by := cd_me();
    NEW.updated_at := now();
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS cd_check ON settings;
CREATE TRIGGER cd_check BEFORE INSERT OR UPDATE ON settings
    FOR EACH ROW EXECUTE FUNCTION cd_check_setting();

-- Users: a login is the email (after the server's prefix) and never changes;
-- only deleting and restoring change a user afterwards. A new user's email
-- has the shape DirectoryService::checkEmail accepts, as normalizeEmail
-- stores it (lower case, an '@', a dot after it, no blank, at most 254 UTF-16
-- units), and their login is no role the server has already: cd_me() maps
-- session_user to users.db_login, so a user named after an existing role
-- (postgres, another database's login, a relay) would be who that role's
-- sessions act as.
CREATE OR REPLACE FUNCTION cd_check_user() RETURNS TRIGGER
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    -- Not even for the database administrator: relinking a login hands one
    -- person's sessions to another user.
    IF TG_OP = 'UPDATE' AND NEW.db_login IS DISTINCT FROM OLD.db_login THEN
        PERFORM cd_refuse('A user''s login never changes.');
    END IF;
    IF cd_trusted() THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.email !~ '^[^@ \t\n\r\f\v]+@[^@ \t\n\r\f\v]+\.[^@ \t\n\r\f\v]+$'
           OR NEW.email <> lower(NEW.email)
           OR char_length(NEW.email)
              + char_length(regexp_replace(NEW.email, '[\u0001-\uFFFF]', '', 'g')) > 254 THEN
            PERFORM cd_refuse(format('%s is not an email address (expected name@example.org).',
                                     NEW.email));
        END IF;
        IF NEW.db_login IS DISTINCT FROM COALESCE(cd_setting('server.login-prefix'), '') || lower(NEW.email)
           OR NEW.deleted THEN
            PERFORM cd_refuse('A new user''s login is their email address.');
        END IF;
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = NEW.db_login) THEN
            PERFORM cd_refuse(format('The server already has a login %s: choose another email.',
                                     NEW.db_login));
        END IF;
        NEW.created_at := now();
        NEW.updated_at := now();
        RETURN NEW;
    END IF;
    IF NEW.id <> OLD.id OR NEW.email <> OLD.email OR NEW.created_at <> OLD.created_at THEN
        PERFORM cd_refuse('A user''s email and login never change.');
    END IF;
    NEW.updated_at := now();
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS cd_check ON users;
CREATE TRIGGER cd_check BEFORE INSERT OR UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION cd_check_user();

-- Memberships: platform admins enrol anyone; anyone else (a group admin,
-- within the groups the member_add policy lets them) only a person created
-- in this same transaction, as DirectoryService::addUser does. Enrolling an
-- existing person would bring that person's certificates into the enroller's
-- scope (R5). Written now (xmin) and created now: an existing row merely
-- updated in this transaction (a delete and a restore) does not count.
CREATE OR REPLACE FUNCTION cd_check_membership() RETURNS TRIGGER
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF cd_trusted() OR cd_is_platform_admin(cd_me()) THEN
        RETURN NEW;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM users u WHERE u.id = NEW.user_id AND cd_written_now(u.xmin)
                      AND u.created_at = now()) THEN
        PERFORM cd_refuse('Only platform admins add an existing person to a group; a group admin '
                          'enrols people when adding them.');
    END IF;
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS cd_check ON memberships;
CREATE TRIGGER cd_check BEFORE INSERT ON memberships
    FOR EACH ROW EXECUTE FUNCTION cd_check_membership();

-- The audit log is written with the change it records, by its actor, at the
-- server's time; nobody edits or deletes it.
CREATE OR REPLACE FUNCTION cd_check_audit() RETURNS TRIGGER
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    ok BOOLEAN;
BEGIN
    -- The server's own triggers (api.sql) write the log as the owner;
    -- nobody else holds a privilege on it.
    IF cd_trusted() OR current_user = {{OWNER_NAME}} THEN
        RETURN NEW;
    END IF;
    ok := CASE NEW.subject_type
        WHEN 'certificate' THEN EXISTS (SELECT 1 FROM certificates WHERE id = NEW.subject_id
                                           AND cd_written_now(xmin))
        WHEN 'user' THEN EXISTS (SELECT 1 FROM users WHERE id = NEW.subject_id AND cd_written_now(xmin))
        WHEN 'group' THEN EXISTS (SELECT 1 FROM groups WHERE id = NEW.subject_id AND cd_written_now(xmin))
        WHEN 'template' THEN EXISTS (SELECT 1 FROM certificate_templates WHERE id = NEW.subject_id
                                        AND cd_written_now(xmin))
        WHEN 'setting' THEN EXISTS (SELECT 1 FROM settings WHERE cd_written_now(xmin))
        WHEN 'email' THEN EXISTS (SELECT 1 FROM email_outbox WHERE id = NEW.subject_id
                                     AND cd_written_now(xmin))
        ELSE FALSE END;
    IF NOT ok OR NEW.actor_id IS DISTINCT FROM cd_me() THEN
        PERFORM cd_refuse('The audit log records changes as they are made, by whoever makes them.');
    END IF;
    NEW.at := now();
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS cd_check ON audit_log;
CREATE TRIGGER cd_check BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION cd_check_audit();

-- --- Logins (the owner may create roles; these are the only ways it does) ---

-- A login for a user written just now (user add), in the member role, with
-- the connection limit and statement timeout setup chose (ServerSetup; role
-- settings do not inherit through membership, so each login gets its own).
CREATE OR REPLACE FUNCTION cd_create_login(uid BIGINT, secret TEXT) RETURNS VOID
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    login TEXT;
    connections INTEGER := COALESCE(NULLIF(cd_setting('server.connection-limit'), ''), '10')::INTEGER;
    timeout TEXT := COALESCE(NULLIF(cd_setting('server.statement-timeout'), ''), '60s');
BEGIN
    SELECT db_login INTO login FROM users WHERE id = uid AND cd_written_now(xmin);
    IF login IS NULL THEN
        PERFORM cd_refuse('A login is created with its user, in the same transaction.');
    END IF;
    IF NOT cd_trusted() AND NOT (cd_is_platform_admin(cd_me()) OR EXISTS (
           SELECT 1 FROM memberships m WHERE m.user_id = uid
              AND cd_admin_of_group(cd_me(), m.group_id))) THEN
        PERFORM cd_refuse('Only platform admins and group admins add people.');
    END IF;
    IF length(login) > 63 THEN
        PERFORM cd_refuse(format('%s is too long for a PostgreSQL login (63 bytes at most).', login));
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login) THEN
        PERFORM cd_refuse(format('The server already has a login %s.', login));
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L CONNECTION LIMIT %s IN ROLE %I', login, secret,
                   connections, {{MEMBER_NAME}});
    EXECUTE format('ALTER ROLE %I SET statement_timeout = %L', login, timeout);
END
$$;

-- Deleting a user disables their login; restoring enables it (only logins
-- that are CertDesk members, never another role of the server).
CREATE OR REPLACE FUNCTION cd_sync_login(uid BIGINT) RETURNS VOID
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    login TEXT;
    gone BOOLEAN;
BEGIN
    SELECT db_login, deleted INTO login, gone FROM users WHERE id = uid AND cd_written_now(xmin);
    IF login IS NULL THEN
        PERFORM cd_refuse('A login follows its user''s deletion or restoration, in the same transaction.');
    END IF;
    IF NOT cd_trusted() AND NOT cd_may_manage_user(cd_me(), uid) THEN
        PERFORM cd_refuse('You may not delete or restore this user.');
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = login AND NOT r.rolsuper
                  AND pg_has_role(r.oid, {{MEMBER_NAME}}, 'MEMBER')) THEN
        EXECUTE format('ALTER ROLE %I %s', login, CASE WHEN gone THEN 'NOLOGIN' ELSE 'LOGIN' END);
    END IF;
END
$$;

-- Privileges: see api.sql (applied after this file).
