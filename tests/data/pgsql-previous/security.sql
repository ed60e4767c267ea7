-- CertDesk on a shared PostgreSQL server: the server keeps everyone where
-- they belong (issue 5; PRODUCT.md R1-R9; README "Deploying on PostgreSQL").
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

-- Everyone the actor may act for (PRODUCT.md "scope"; Policy::scopeCte).
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

-- Policy::mayManageUser
CREATE OR REPLACE FUNCTION cd_may_manage_user(actor BIGINT, target BIGINT) RETURNS BOOLEAN
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT actor <> target AND (cd_is_platform_admin(actor) OR EXISTS (
        SELECT 1 FROM memberships m WHERE m.user_id = target AND cd_admin_of_group(actor, m.group_id)))
$$;

-- Policy::reviewersFor (R3): the manager when reviewers are managers and the
-- owner has an active one; else, for each of the owner's groups (the platform
-- group when none), the admins of the nearest group up the tree that has an
-- admin other than the owner.
CREATE OR REPLACE FUNCTION cd_reviewers_for(owner BIGINT) RETURNS SETOF BIGINT
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    manager BIGINT;
    start BIGINT;
    g BIGINT;
    admins BIGINT[];
    found BIGINT[] := '{}';
BEGIN
    IF cd_setting('validation.reviewers') = 'managers' THEN
        SELECT m.id INTO manager FROM users o JOIN users m ON m.id = o.manager_id
         WHERE o.id = owner AND m.deleted = FALSE;
        IF manager IS NOT NULL AND manager <> owner THEN
            RETURN NEXT manager;
            RETURN;
        END IF;
    END IF;
    FOR start IN
        SELECT group_id FROM memberships WHERE user_id = owner
        UNION ALL SELECT id FROM groups WHERE parent_id IS NULL
              AND NOT EXISTS (SELECT 1 FROM memberships WHERE user_id = owner)
    LOOP
        g := start;
        WHILE g IS NOT NULL LOOP
            admins := ARRAY(SELECT m.user_id FROM memberships m JOIN users u ON u.id = m.user_id
                             WHERE m.group_id = g AND m.role = 'admin' AND u.deleted = FALSE
                               AND u.id <> owner);
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

-- Policy::mayReview (R3, R8): assigned or platform admin; never the owner.
CREATE OR REPLACE FUNCTION cd_may_review(actor BIGINT, task BIGINT) RETURNS BOOLEAN
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT cd_is_active(actor) AND EXISTS (
        SELECT 1 FROM validation_tasks t JOIN certificates c ON c.id = t.certificate_id
         WHERE t.id = task AND c.owner_id <> actor
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

-- The directory (names, emails, groups, roles, managers, templates, settings)
-- is readable by every member, as a company directory is: the Users page, the
-- routing of R3 and the names in notifications need it. Passwords are not in
-- it: on PostgreSQL they are the server's (user_credentials stays empty and
-- nobody but the owner may read it).
DROP POLICY IF EXISTS member_read ON schema_version;
CREATE POLICY member_read ON schema_version FOR SELECT TO {{MEMBER}}, {{RELAY}} USING (TRUE);
DROP POLICY IF EXISTS member_read ON groups;
CREATE POLICY member_read ON groups FOR SELECT TO {{MEMBER}} USING (TRUE);
DROP POLICY IF EXISTS member_add ON groups;
CREATE POLICY member_add ON groups FOR INSERT TO {{MEMBER}} WITH CHECK (
    (SELECT cd_is_platform_admin(cd_me()))
    OR (parent_id IS NOT NULL AND cd_admin_of_group(cd_me(), parent_id)));
DROP POLICY IF EXISTS member_read ON users;
CREATE POLICY member_read ON users FOR SELECT TO {{MEMBER}}, {{RELAY}} USING (TRUE);
DROP POLICY IF EXISTS member_add ON users;
CREATE POLICY member_add ON users FOR INSERT TO {{MEMBER}} WITH CHECK (
    (SELECT cd_is_platform_admin(cd_me()))
    OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = cd_me() AND m.role = 'admin'));
DROP POLICY IF EXISTS member_manage ON users;
CREATE POLICY member_manage ON users FOR UPDATE TO {{MEMBER}}
    USING (cd_may_manage_user(cd_me(), id)) WITH CHECK (cd_may_manage_user(cd_me(), id));
DROP POLICY IF EXISTS member_read ON memberships;
CREATE POLICY member_read ON memberships FOR SELECT TO {{MEMBER}} USING (TRUE);
DROP POLICY IF EXISTS member_add ON memberships;
CREATE POLICY member_add ON memberships FOR INSERT TO {{MEMBER}} WITH CHECK (
    (SELECT cd_is_platform_admin(cd_me())) OR cd_admin_of_group(cd_me(), group_id));
DROP POLICY IF EXISTS member_read ON certificate_templates;
CREATE POLICY member_read ON certificate_templates FOR SELECT TO {{MEMBER}} USING (TRUE);
DROP POLICY IF EXISTS member_add ON certificate_templates;
CREATE POLICY member_add ON certificate_templates FOR INSERT TO {{MEMBER}}
    WITH CHECK ((SELECT cd_is_platform_admin(cd_me())));
DROP POLICY IF EXISTS member_read ON settings;
CREATE POLICY member_read ON settings FOR SELECT TO {{MEMBER}}, {{RELAY}} USING (TRUE);
DROP POLICY IF EXISTS member_change ON settings;
CREATE POLICY member_change ON settings FOR UPDATE TO {{MEMBER}}
    USING ((SELECT cd_is_platform_admin(cd_me())))
    WITH CHECK ((SELECT cd_is_platform_admin(cd_me())));
DROP POLICY IF EXISTS member_add ON settings;
CREATE POLICY member_add ON settings FOR INSERT TO {{MEMBER}}
    WITH CHECK ((SELECT cd_is_platform_admin(cd_me())));

-- R5: one's own certificates and those of one's scope; a reviewer also sees
-- the certificates of the tasks assigned to them.
DROP POLICY IF EXISTS member_read ON certificates;
CREATE POLICY member_read ON certificates FOR SELECT TO {{MEMBER}} USING (
    owner_id IN (SELECT cd_my_scope()) OR id IN (SELECT cd_my_review_certificates()));
DROP POLICY IF EXISTS member_import ON certificates;
CREATE POLICY member_import ON certificates FOR INSERT TO {{MEMBER}}
    WITH CHECK (cd_may_import(cd_me(), owner_id) OR (SELECT cd_is_platform_admin(cd_me())));
DROP POLICY IF EXISTS member_change ON certificates;
CREATE POLICY member_change ON certificates FOR UPDATE TO {{MEMBER}} USING (
    owner_id IN (SELECT cd_my_scope()) OR id IN (SELECT cd_my_review_certificates()));

DROP POLICY IF EXISTS member_read ON pdf_blobs;
CREATE POLICY member_read ON pdf_blobs FOR SELECT TO {{MEMBER}}
    USING (sha256 IN (SELECT pdf_sha256 FROM certificates) OR cd_uploaded_now(sha256));
DROP POLICY IF EXISTS member_add ON pdf_blobs;
CREATE POLICY member_add ON pdf_blobs FOR INSERT TO {{MEMBER}} WITH CHECK (cd_me() IS NOT NULL);

DROP POLICY IF EXISTS member_read ON validation_tasks;
CREATE POLICY member_read ON validation_tasks FOR SELECT TO {{MEMBER}}
    USING (certificate_id IN (SELECT id FROM certificates));
DROP POLICY IF EXISTS member_open ON validation_tasks;
CREATE POLICY member_open ON validation_tasks FOR INSERT TO {{MEMBER}}
    WITH CHECK (certificate_id IN (SELECT id FROM certificates));
DROP POLICY IF EXISTS member_decide ON validation_tasks;
CREATE POLICY member_decide ON validation_tasks FOR UPDATE TO {{MEMBER}}
    USING (cd_may_review(cd_me(), id)) WITH CHECK (cd_may_review(cd_me(), id));

DROP POLICY IF EXISTS member_read ON task_reviewers;
CREATE POLICY member_read ON task_reviewers FOR SELECT TO {{MEMBER}}
    USING (reviewer_id = cd_me() OR task_id IN (SELECT id FROM validation_tasks));
DROP POLICY IF EXISTS member_assign ON task_reviewers;
CREATE POLICY member_assign ON task_reviewers FOR INSERT TO {{MEMBER}}
    WITH CHECK (task_id IN (SELECT id FROM validation_tasks));

DROP POLICY IF EXISTS member_read ON notifications;
CREATE POLICY member_read ON notifications FOR SELECT TO {{MEMBER}}
    USING (recipient_id = (SELECT cd_me()));
DROP POLICY IF EXISTS member_mark ON notifications;
CREATE POLICY member_mark ON notifications FOR UPDATE TO {{MEMBER}}
    USING (recipient_id = (SELECT cd_me())) WITH CHECK (recipient_id = (SELECT cd_me()));

-- Failed emails are for platform admins; relays see the whole outbox.
DROP POLICY IF EXISTS member_admin ON email_outbox;
CREATE POLICY member_admin ON email_outbox FOR SELECT TO {{MEMBER}}
    USING ((SELECT cd_is_platform_admin(cd_me())));
DROP POLICY IF EXISTS member_retry ON email_outbox;
CREATE POLICY member_retry ON email_outbox FOR UPDATE TO {{MEMBER}}
    USING ((SELECT cd_is_platform_admin(cd_me())))
    WITH CHECK ((SELECT cd_is_platform_admin(cd_me())));
DROP POLICY IF EXISTS relay_all ON email_outbox;
CREATE POLICY relay_all ON email_outbox FOR ALL TO {{RELAY}} USING (TRUE) WITH CHECK (TRUE);

-- History: platform admins read all of it; others the history of the
-- certificates they may see. Writing: see cd_check_audit.
DROP POLICY IF EXISTS member_read ON audit_log;
CREATE POLICY member_read ON audit_log FOR SELECT TO {{MEMBER}} USING (
    (SELECT cd_is_platform_admin(cd_me()))
    OR (subject_type = 'certificate' AND subject_id IN (SELECT id FROM certificates)));
DROP POLICY IF EXISTS member_write ON audit_log;
CREATE POLICY member_write ON audit_log FOR INSERT TO {{MEMBER}}
    WITH CHECK (actor_id = cd_me());
DROP POLICY IF EXISTS relay_write ON audit_log;
CREATE POLICY relay_write ON audit_log FOR INSERT TO {{RELAY}} WITH CHECK (actor_id IS NULL);

-- --- Server-side rules for every write (triggers) ---------------------------

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
        NEW.version := 1;
        NEW.created_at := now();
        NEW.updated_at := now();
        RETURN NEW;
    END IF;
    IF NEW.id <> OLD.id OR NEW.owner_id <> OLD.owner_id OR NEW.kind <> OLD.kind
       OR NEW.uploader_id IS DISTINCT FROM OLD.uploader_id
       OR NEW.import_key IS DISTINCT FROM OLD.import_key OR NEW.created_at <> OLD.created_at THEN
        PERFORM cd_refuse('The owner, kind and origin of a certificate never change.');
    END IF;
    IF NEW.version <> OLD.version + 1 THEN
        PERFORM cd_refuse('Every change of a certificate raises its version by one.');
    END IF;
    IF OLD.status = 'pending' AND NEW.status IN ('validated', 'rejected') THEN
        -- A review: its task was decided just now, by this reviewer, this way.
        IF NOT EXISTS (SELECT 1 FROM validation_tasks t
                        WHERE t.certificate_id = NEW.id AND t.state = NEW.status
                          AND t.decided_by = me AND cd_written_now(t.xmin)) THEN
            PERFORM cd_refuse('A certificate is validated or rejected only by deciding its '
                              'validation task (R3, R8).');
        END IF;
        IF NEW.pdf_sha256 IS DISTINCT FROM OLD.pdf_sha256 OR NEW.credits IS DISTINCT FROM OLD.credits THEN
            PERFORM cd_refuse('A reviewer edits the name, the dates and the template only.');
        END IF;
    ELSIF OLD.status = 'rejected' AND NEW.status = expected THEN
        -- A resubmission of a rejected certificate.
        IF NOT cd_may_import(me, NEW.owner_id) THEN
            PERFORM cd_refuse('You may not send this certificate again (R1, R4).');
        END IF;
        IF NEW.template_id IS DISTINCT FROM OLD.template_id AND NEW.template_id IS NOT NULL
           AND NOT cd_may_associate_template(me) THEN
            PERFORM cd_refuse('You may not associate a certificate template (R7).');
        END IF;
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
BEGIN
    IF cd_trusted() THEN
        RETURN NEW;
    END IF;
    SELECT c.owner_id INTO owner FROM validation_tasks t JOIN certificates c
        ON c.id = t.certificate_id WHERE t.id = NEW.task_id AND t.state = 'open'
       AND cd_written_now(t.xmin);
    IF owner IS NULL OR NEW.reviewer_id NOT IN (SELECT cd_reviewers_for(owner)) THEN
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
       OR NEW.comment IS DISTINCT FROM OLD.comment OR NEW.created_at <> OLD.created_at THEN
        PERFORM cd_refuse('Only the read mark of a notification changes.');
    END IF;
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS cd_check ON notifications;
CREATE TRIGGER cd_check BEFORE UPDATE ON notifications
    FOR EACH ROW EXECUTE FUNCTION cd_check_notification();

-- A notification and its email, written by the import or the review that
-- causes them (NotificationService::notify calls this on PostgreSQL): a
-- validation request goes to a reviewer of a task opened just now; an outcome
-- goes to the owner of a certificate whose task this actor decided just now.
DROP FUNCTION IF EXISTS cd_notify(BIGINT, TEXT, BIGINT, BIGINT, TEXT, TEXT, TEXT);
CREATE FUNCTION cd_notify(p_recipient BIGINT, p_kind TEXT, p_certificate BIGINT, p_task BIGINT,
                                     p_note TEXT, p_subject TEXT, p_body TEXT) RETURNS BIGINT
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me BIGINT := cd_me();
    who RECORD;
    new_id BIGINT;
BEGIN
    IF me IS NULL AND NOT cd_trusted() THEN
        PERFORM cd_refuse('Only CertDesk users cause notifications.');
    END IF;
    IF NOT cd_trusted() THEN
        IF p_kind = 'validation-request' THEN
            IF NOT EXISTS (SELECT 1 FROM validation_tasks t JOIN task_reviewers r ON r.task_id = t.id
                            WHERE t.id = p_task AND t.certificate_id = p_certificate AND t.state = 'open'
                              AND r.reviewer_id = p_recipient AND cd_written_now(t.xmin)) THEN
                PERFORM cd_refuse('A validation request goes to a reviewer of a task opened now.');
            END IF;
        ELSIF p_kind IN ('certificate-validated', 'certificate-rejected') THEN
            IF NOT EXISTS (SELECT 1 FROM validation_tasks t JOIN certificates c ON c.id = t.certificate_id
                            WHERE t.id = p_task AND c.id = p_certificate AND c.owner_id = p_recipient
                              AND t.decided_by = me AND cd_written_now(t.xmin)
                              AND t.state = substring(p_kind FROM 13)) THEN
                PERFORM cd_refuse('An outcome goes to the owner of a certificate decided now.');
            END IF;
        ELSE
            PERFORM cd_refuse('There is no such notification.');
        END IF;
    END IF;
    SELECT email, deleted, language INTO who FROM users WHERE id = p_recipient;
    IF NOT FOUND OR who.deleted THEN
        RETURN NULL; -- deleted users get no notifications
    END IF;
    INSERT INTO notifications (recipient_id, category, certificate_id, task_id, actor_id, comment,
                               created_at)
         VALUES (p_recipient, p_kind, p_certificate, p_task, me, NULLIF(p_note, ''), now())
      RETURNING id INTO new_id;
    INSERT INTO email_outbox (notification_id, recipient_email, subject, body, language, state,
                              next_attempt_at, created_at)
         VALUES (new_id, who.email, p_subject, p_body, who.language, 'queued', now(), now());
    RETURN new_id;
END
$$;

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
    IF (NEW.key IN ('import.enabled', 'validation.required', 'credits.enabled')
            AND NEW.value NOT IN ('on', 'off'))
       OR (NEW.key = 'validation.reviewers' AND NEW.value NOT IN ('managers', 'group-admins'))
       OR (NEW.key = 'pdf.max-size-mb' AND NEW.value !~ '^[0-9]{1,4}$') THEN
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
-- only deleting and restoring change a user afterwards.
CREATE OR REPLACE FUNCTION cd_check_user() RETURNS TRIGGER
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF cd_trusted() THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.db_login IS DISTINCT FROM COALESCE(cd_setting('server.login-prefix'), '') || lower(NEW.email)
           OR NEW.deleted THEN
            PERFORM cd_refuse('A new user''s login is their email address.');
        END IF;
        NEW.created_at := now();
        NEW.updated_at := now();
        RETURN NEW;
    END IF;
    IF NEW.id <> OLD.id OR NEW.email <> OLD.email OR NEW.db_login IS DISTINCT FROM OLD.db_login
       OR NEW.created_at <> OLD.created_at THEN
        PERFORM cd_refuse('A user''s email and login never change.');
    END IF;
    NEW.updated_at := now();
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS cd_check ON users;
CREATE TRIGGER cd_check BEFORE INSERT OR UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION cd_check_user();

-- The audit log is written with the change it records, by its actor, at the
-- server's time; nobody edits or deletes it.
CREATE OR REPLACE FUNCTION cd_check_audit() RETURNS TRIGGER
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    ok BOOLEAN;
BEGIN
    IF cd_trusted() THEN
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

-- A login for a user written just now (user add), in the member role.
CREATE OR REPLACE FUNCTION cd_create_login(uid BIGINT, secret TEXT) RETURNS VOID
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    login TEXT;
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
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', login, secret, {{MEMBER_NAME}});
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

-- --- Privileges -------------------------------------------------------------

REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC, {{MEMBER}}, {{RELAY}};
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC, {{MEMBER}}, {{RELAY}};
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC, {{MEMBER}}, {{RELAY}};
GRANT SELECT ON schema_version, groups, memberships, certificate_templates, settings, pdf_blobs,
    certificates, validation_tasks, task_reviewers, notifications, email_outbox, audit_log
    TO {{MEMBER}};
GRANT SELECT (id, email, name, manager_id, deleted, language, db_login, created_at, updated_at)
    ON users TO {{MEMBER}};
GRANT INSERT ON groups, users, memberships, certificate_templates, settings, pdf_blobs,
    certificates, validation_tasks, task_reviewers, audit_log TO {{MEMBER}};
GRANT UPDATE (deleted, updated_at) ON users TO {{MEMBER}};
GRANT UPDATE (value, updated_at, updated_by) ON settings TO {{MEMBER}};
GRANT UPDATE (name, delivered_on, expires_on, template_id, credits, status, pdf_sha256,
    original_filename, version, updated_at) ON certificates TO {{MEMBER}};
GRANT UPDATE (state, version, decided_at, decided_by, comment) ON validation_tasks TO {{MEMBER}};
GRANT UPDATE (read_at) ON notifications TO {{MEMBER}};
GRANT UPDATE (state, attempts, next_attempt_at, queued_at, last_error, claimed_by, claimed_until)
    ON email_outbox TO {{MEMBER}};
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {{MEMBER}};
GRANT SELECT ON schema_version, settings, email_outbox TO {{RELAY}};
GRANT SELECT (id, email, name, deleted, language) ON users TO {{RELAY}};
GRANT UPDATE ON email_outbox TO {{RELAY}};
GRANT INSERT ON audit_log TO {{RELAY}};
GRANT EXECUTE ON FUNCTION cd_me(), cd_trusted(), cd_written_now(XID), cd_setting(TEXT),
    cd_is_active(BIGINT), cd_is_platform_admin(BIGINT), cd_scope(BIGINT), cd_in_scope(BIGINT, BIGINT),
    cd_may_import(BIGINT, BIGINT), cd_may_associate_template(BIGINT), cd_admin_of_group(BIGINT, BIGINT),
    cd_may_manage_user(BIGINT, BIGINT), cd_reviewers_for(BIGINT), cd_may_review(BIGINT, BIGINT),
    cd_my_scope(), cd_my_review_certificates(), cd_refuse(TEXT), cd_uploaded_now(TEXT),
    cd_notify(BIGINT, TEXT, BIGINT, BIGINT, TEXT, TEXT, TEXT), cd_create_login(BIGINT, TEXT),
    cd_sync_login(BIGINT) TO {{MEMBER}};
GRANT EXECUTE ON FUNCTION cd_me(), cd_trusted(), cd_setting(TEXT), cd_refuse(TEXT) TO {{RELAY}};
