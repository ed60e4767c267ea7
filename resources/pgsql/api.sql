-- CertDesk on a shared PostgreSQL server: the server's API (README
-- "Deploying on PostgreSQL", "What the server guarantees").
--
-- Applied by `certdesk-cli setup` as the schema owner right after
-- security.sql, and again by every later setup (everything here can run
-- twice). Same tokens as security.sql.
--
-- Members (and relays) hold no privilege on any table that holds rows hidden
-- from some member: certificates, pdf_blobs, validation_tasks,
-- task_reviewers, notifications, email_outbox, audit_log, user_credentials,
-- cd_uploads. Every read and write of those goes through the functions of
-- the schema cd_api below: SECURITY DEFINER, search_path pinned, each
-- deciding what the caller may see with cd_me() inside and never with an
-- actor the caller names. A function is never inlined into the caller's
-- query, so the caller's conditions apply only to the rows it returned:
-- EXPLAIN (ANALYZE), an erroring expression or pg_sleep in the caller's
-- query see those rows and nothing else. Each function first works out the
-- caller's scope, whether or not the row asked for exists, so a hidden row
-- and a missing one take the same path. Lists take keyset parameters so that
-- they read one page, as the plain statements did.
--
-- The directory (users' names and emails, groups, memberships, templates,
-- settings) stays readable by every member as a company directory is, and
-- its writes stay plain statements checked by row-level security and
-- triggers; their policies call the caller-only functions below.
-- Statements are split on lines ending with ';' outside $$ bodies.

-- The row types of the API's lists are views (below): a later setup drops
-- them and the functions that return them, and makes them again.
DROP FUNCTION IF EXISTS cd_api.certificate(BIGINT);
DROP FUNCTION IF EXISTS cd_api.certificates_of(BIGINT, DATE, BIGINT, INTEGER);
DROP FUNCTION IF EXISTS cd_api.certificate_list(BIGINT, TEXT[], DATE, DATE, DATE, TEXT, DATE, DATE,
    BIGINT, INTEGER);
DROP FUNCTION IF EXISTS cd_api.certificate_export(TEXT[], DATE, DATE, DATE, BIGINT, INTEGER);
DROP FUNCTION IF EXISTS cd_api.tasks(BOOLEAN, BIGINT, INTEGER);
DROP FUNCTION IF EXISTS cd_api.task(BIGINT);
DROP FUNCTION IF EXISTS cd_api.failed_emails(BIGINT, INTEGER);
DROP FUNCTION IF EXISTS cd_api.email(BIGINT);
DROP FUNCTION IF EXISTS cd_api.relay_claim(TEXT, TIMESTAMPTZ, TEXT, TIMESTAMPTZ, TIMESTAMPTZ);
-- Functions whose parameters changed: the previous signatures go.
DROP FUNCTION IF EXISTS cd_api.duplicate_of(BIGINT, TEXT);
DROP FUNCTION IF EXISTS cd_api.import_certificate(BIGINT, TEXT, DATE, DATE, BIGINT,
    DOUBLE PRECISION, TEXT, TEXT, TEXT, TEXT);
DROP FUNCTION IF EXISTS cd_api.import_certificate(BIGINT, TEXT, DATE, DATE, BIGINT,
    DOUBLE PRECISION, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT);
DROP FUNCTION IF EXISTS cd_api.resubmit_certificate(BIGINT, INTEGER, TEXT, DATE, DATE, BIGINT,
    DOUBLE PRECISION, TEXT, TEXT, TEXT);
DROP FUNCTION IF EXISTS cd_api.inbox(TEXT, BOOLEAN, BIGINT, INTEGER);
DROP VIEW IF EXISTS cd_task_rows;
DROP VIEW IF EXISTS cd_email_rows;
DROP VIEW IF EXISTS cd_certificate_rows;

-- --- Caller-only questions (used by the directory's policies) --------------

CREATE OR REPLACE FUNCTION cd_api.me() RETURNS BIGINT
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT cd_me()
$$;

-- Each person's own choice of reminder emails (README "Expiry, reminders,
-- renewal, revocation"): read and changed for the caller only.
CREATE OR REPLACE FUNCTION cd_api.my_reminder_emails() RETURNS BOOLEAN
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT reminder_emails FROM users WHERE id = cd_me()
$$;

CREATE OR REPLACE FUNCTION cd_api.set_reminder_emails(p_on BOOLEAN) RETURNS BOOLEAN
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    UPDATE users SET reminder_emails = p_on, updated_at = now()
     WHERE id = cd_me() AND p_on IS NOT NULL AND NOT deleted
    RETURNING reminder_emails
$$;

CREATE OR REPLACE FUNCTION cd_api.am_platform_admin() RETURNS BOOLEAN
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT COALESCE(cd_is_platform_admin(cd_me()), FALSE)
$$;

CREATE OR REPLACE FUNCTION cd_api.administer(grp BIGINT) RETURNS BOOLEAN
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT COALESCE(cd_admin_of_group(cd_me(), grp), FALSE)
$$;

CREATE OR REPLACE FUNCTION cd_api.am_group_admin() RETURNS BOOLEAN
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM memberships WHERE user_id = cd_me() AND role = 'admin')
$$;

CREATE OR REPLACE FUNCTION cd_api.may_manage(target BIGINT) RETURNS BOOLEAN
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT COALESCE(cd_may_manage_user(cd_me(), target), FALSE)
$$;

-- The directory's policies, on the caller-only questions.
DROP POLICY IF EXISTS member_add ON groups;
CREATE POLICY member_add ON groups FOR INSERT TO {{MEMBER}} WITH CHECK (
    (SELECT cd_api.am_platform_admin()) OR (parent_id IS NOT NULL AND cd_api.administer(parent_id)));
DROP POLICY IF EXISTS member_add ON users;
CREATE POLICY member_add ON users FOR INSERT TO {{MEMBER}} WITH CHECK (
    (SELECT cd_api.am_platform_admin()) OR (SELECT cd_api.am_group_admin()));
DROP POLICY IF EXISTS member_manage ON users;
CREATE POLICY member_manage ON users FOR UPDATE TO {{MEMBER}}
    USING (cd_api.may_manage(id)) WITH CHECK (cd_api.may_manage(id));
DROP POLICY IF EXISTS member_add ON memberships;
CREATE POLICY member_add ON memberships FOR INSERT TO {{MEMBER}} WITH CHECK (
    (SELECT cd_api.am_platform_admin()) OR cd_api.administer(group_id));
DROP POLICY IF EXISTS member_add ON certificate_templates;
CREATE POLICY member_add ON certificate_templates FOR INSERT TO {{MEMBER}}
    WITH CHECK ((SELECT cd_api.am_platform_admin()));
-- README "Rules", Requirements and compliance: Policy::mayChangeRequirements.
DROP POLICY IF EXISTS member_add ON group_requirements;
CREATE POLICY member_add ON group_requirements FOR INSERT TO {{MEMBER}} WITH CHECK (
    ((SELECT cd_api.am_platform_admin()) OR cd_api.administer(group_id))
    AND created_by = (SELECT cd_api.me()));
DROP POLICY IF EXISTS member_remove ON group_requirements;
CREATE POLICY member_remove ON group_requirements FOR DELETE TO {{MEMBER}} USING (
    (SELECT cd_api.am_platform_admin()) OR cd_api.administer(group_id));
DROP POLICY IF EXISTS member_change ON settings;
CREATE POLICY member_change ON settings FOR UPDATE TO {{MEMBER}}
    USING ((SELECT cd_api.am_platform_admin())) WITH CHECK ((SELECT cd_api.am_platform_admin()));
DROP POLICY IF EXISTS member_add ON settings;
CREATE POLICY member_add ON settings FOR INSERT TO {{MEMBER}}
    WITH CHECK ((SELECT cd_api.am_platform_admin()));

-- The tables with hidden rows have no member policy any more: members hold
-- no privilege on them (below), the owner's policy serves the functions.
DROP POLICY IF EXISTS member_read ON certificates;
DROP POLICY IF EXISTS member_import ON certificates;
DROP POLICY IF EXISTS member_change ON certificates;
DROP POLICY IF EXISTS member_read ON pdf_blobs;
DROP POLICY IF EXISTS member_add ON pdf_blobs;
DROP POLICY IF EXISTS member_read ON validation_tasks;
DROP POLICY IF EXISTS member_open ON validation_tasks;
DROP POLICY IF EXISTS member_decide ON validation_tasks;
DROP POLICY IF EXISTS member_read ON task_reviewers;
DROP POLICY IF EXISTS member_assign ON task_reviewers;
DROP POLICY IF EXISTS member_read ON notifications;
DROP POLICY IF EXISTS member_mark ON notifications;
DROP POLICY IF EXISTS member_admin ON email_outbox;
DROP POLICY IF EXISTS member_retry ON email_outbox;
DROP POLICY IF EXISTS relay_all ON email_outbox;
DROP POLICY IF EXISTS member_read ON audit_log;
DROP POLICY IF EXISTS member_write ON audit_log;
DROP POLICY IF EXISTS relay_write ON audit_log;

-- --- What the caller may see -------------------------------------------------

-- The caller's scope (R5) as an array, worked out once per call.
CREATE OR REPLACE FUNCTION cd_api_scope() RETURNS BIGINT[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT COALESCE(array_agg(s), '{}') FROM cd_scope(cd_me()) AS s
$$;

-- The ones of p_owners in the caller's scope (R5), as cd_scope decides:
-- one membership check per call. Never the scope as an array first: a
-- platform admin's is every person, and a list asks about one owner (or one
-- page of them). The caller alone, the common case, is answered at once.
CREATE OR REPLACE FUNCTION cd_api_scoped(p_owners BIGINT[]) RETURNS BIGINT[]
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me BIGINT := cd_me();
BEGIN
    IF me IS NULL OR NOT cd_is_active(me) THEN
        RETURN '{}';
    END IF;
    IF cd_is_platform_admin(me) THEN
        RETURN ARRAY(SELECT u.id FROM users u WHERE u.id = ANY (p_owners) ORDER BY u.id);
    END IF;
    IF p_owners = ARRAY[me] THEN
        RETURN p_owners;
    END IF;
    RETURN ARRAY(SELECT DISTINCT s FROM cd_scope(me) AS s WHERE s = ANY (p_owners) ORDER BY s);
END
$$;

-- The certificates the caller reviews (R8), as an array.
CREATE OR REPLACE FUNCTION cd_api_reviewing() RETURNS BIGINT[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT COALESCE(array_agg(DISTINCT t.certificate_id), '{}')
      FROM task_reviewers r JOIN validation_tasks t ON t.id = r.task_id
     WHERE r.reviewer_id = cd_me()
$$;

-- A certificate as the lists show it (CertificateService::selectColumns).
CREATE VIEW cd_certificate_rows AS
    SELECT c.id, c.kind, c.owner_id, o.name AS owner_name, c.uploader_id, c.name,
           c.delivered_on, c.expires_on, c.template_id, t.name AS template_name, c.credits,
           c.status, c.pdf_sha256, c.original_filename, c.version, c.created_at, c.updated_at,
           c.uploaded_sha256, c.pdf_repairs, c.renews_id, c.renewed_by_id, c.revoked_at,
           c.revoked_by, c.revoke_reason
      FROM certificates c JOIN users o ON o.id = c.owner_id
      LEFT JOIN certificate_templates t ON t.id = c.template_id;
REVOKE ALL ON cd_certificate_rows FROM PUBLIC;

-- One certificate: the caller's own, their scope's (R5), or one they review.
CREATE FUNCTION cd_api.certificate(p_id BIGINT) RETURNS SETOF cd_certificate_rows
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    WITH scope AS MATERIALIZED (SELECT cd_api_scope() AS owners, cd_api_reviewing() AS reviewing)
    SELECT r.* FROM cd_certificate_rows r, scope
     WHERE r.id = p_id AND (r.owner_id = ANY (scope.owners) OR r.id = ANY (scope.reviewing))
$$;

-- One person's certificates (R5), newest delivery first, one page after the
-- keyset (p_after_id 0: the first page). Today's client reads
-- cd_api.certificate_list below; this stays for desktops of the previous
-- release still connected to an upgraded server.
CREATE FUNCTION cd_api.certificates_of(p_owner BIGINT, p_after_delivered DATE, p_after_id BIGINT,
                                       p_limit INTEGER) RETURNS SETOF cd_certificate_rows
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    RETURN QUERY SELECT * FROM cd_api.certificate_list(p_owner, '{}', NULL, NULL, NULL,
                                                       'delivered', p_after_delivered,
                                                       NULL, p_after_id, p_limit);
END
$$;

-- CertificateStore::list: one person's certificates (R5) whose status shown
-- (Certificate::displayStatusSql, its twin) is one of p_shown (empty: any),
-- or with p_expiring_until those accepted or validated, neither revoked nor
-- renewed, expiring from p_today to that day; newest delivery first, or
-- (p_order 'expiry') soonest expiration first, those without one last; one
-- page after the keyset of the order (p_after_id 0: the first page).
-- Each order is a statement of its own whose keyset (a row comparison)
-- and ORDER BY are those of an index (certificates_owner_list read
-- backwards; certificates_owner_expiry), so a page reads one page of rows;
-- the first page's keyset lies before every row.
CREATE FUNCTION cd_api.certificate_list(p_owner BIGINT, p_shown TEXT[], p_today DATE,
                                        p_soon DATE, p_expiring_until DATE, p_order TEXT,
                                        p_after_delivered DATE, p_after_expires DATE,
                                        p_after_id BIGINT, p_limit INTEGER)
RETURNS SETOF cd_certificate_rows
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    first_page BOOLEAN := COALESCE(p_after_id, 0) = 0;
BEGIN
    IF cardinality(cd_api_scoped(ARRAY[p_owner])) = 0 THEN
        RETURN;
    END IF;
    IF p_order = 'expiry' THEN
        RETURN QUERY SELECT r.* FROM cd_certificate_rows r
           WHERE r.owner_id = p_owner
             AND (COALESCE(r.expires_on, DATE '9999-12-31'), r.id)
                 > (CASE WHEN first_page THEN DATE '-infinity'
                         ELSE COALESCE(p_after_expires, DATE '9999-12-31') END,
                    CASE WHEN first_page THEN -9223372036854775807 - 1 ELSE p_after_id END)
             AND (cardinality(p_shown) = 0 OR
                  CASE WHEN r.status = 'pending' THEN 'pending'
                      WHEN r.status = 'rejected' THEN 'rejected'
                      WHEN r.revoked_at IS NOT NULL THEN 'revoked'
                      WHEN r.renewed_by_id IS NOT NULL THEN 'renewed'
                      WHEN r.expires_on IS NOT NULL AND r.expires_on < p_today THEN 'expired'
                      WHEN r.expires_on IS NOT NULL AND r.expires_on <= p_soon THEN 'expiring-soon'
                      WHEN r.status = 'validated' THEN 'validated' ELSE 'accepted' END = ANY (p_shown))
             AND (p_expiring_until IS NULL
                  OR (r.status IN ('accepted', 'validated') AND r.revoked_at IS NULL
                      AND r.renewed_by_id IS NULL
                      AND r.expires_on BETWEEN p_today AND p_expiring_until))
           ORDER BY COALESCE(r.expires_on, DATE '9999-12-31'), r.id
           LIMIT GREATEST(1, p_limit);
    ELSE
        RETURN QUERY SELECT r.* FROM cd_certificate_rows r
           WHERE r.owner_id = p_owner
             AND (r.delivered_on, r.id)
                 < (CASE WHEN first_page THEN DATE 'infinity' ELSE p_after_delivered END,
                    CASE WHEN first_page THEN 9223372036854775807 ELSE p_after_id END)
             AND (cardinality(p_shown) = 0 OR
                  CASE WHEN r.status = 'pending' THEN 'pending'
                      WHEN r.status = 'rejected' THEN 'rejected'
                      WHEN r.revoked_at IS NOT NULL THEN 'revoked'
                      WHEN r.renewed_by_id IS NOT NULL THEN 'renewed'
                      WHEN r.expires_on IS NOT NULL AND r.expires_on < p_today THEN 'expired'
                      WHEN r.expires_on IS NOT NULL AND r.expires_on <= p_soon THEN 'expiring-soon'
                      WHEN r.status = 'validated' THEN 'validated' ELSE 'accepted' END = ANY (p_shown))
             AND (p_expiring_until IS NULL
                  OR (r.status IN ('accepted', 'validated') AND r.revoked_at IS NULL
                      AND r.renewed_by_id IS NULL
                      AND r.expires_on BETWEEN p_today AND p_expiring_until))
           ORDER BY r.delivered_on DESC, r.id DESC
           LIMIT GREATEST(1, p_limit);
    END IF;
END
$$;

-- CertificateStore::scopePage: every certificate of the caller's scope (R5)
-- whose status shown is one of p_shown (empty: any), or with
-- p_expiring_until the valid ones expiring until then; by id, one page
-- after p_after_id. The CSV export of a whole organisation.
CREATE FUNCTION cd_api.certificate_export(p_shown TEXT[], p_today DATE, p_soon DATE,
                                          p_expiring_until DATE, p_after_id BIGINT,
                                          p_limit INTEGER)
RETURNS SETOF cd_certificate_rows
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    WITH scope AS MATERIALIZED (SELECT cd_api_scope() AS owners)
    SELECT r.* FROM cd_certificate_rows r, scope
     WHERE r.owner_id = ANY (scope.owners) AND r.id > COALESCE(p_after_id, 0)
       AND (cardinality(p_shown) = 0 OR
            CASE WHEN r.status = 'pending' THEN 'pending'
                 WHEN r.status = 'rejected' THEN 'rejected'
                 WHEN r.revoked_at IS NOT NULL THEN 'revoked'
                 WHEN r.renewed_by_id IS NOT NULL THEN 'renewed'
                 WHEN r.expires_on IS NOT NULL AND r.expires_on < p_today THEN 'expired'
                 WHEN r.expires_on IS NOT NULL AND r.expires_on <= p_soon THEN 'expiring-soon'
                 WHEN r.status = 'validated' THEN 'validated' ELSE 'accepted' END = ANY (p_shown))
       AND (p_expiring_until IS NULL
            OR (r.status IN ('accepted', 'validated') AND r.revoked_at IS NULL
                AND r.renewed_by_id IS NULL AND r.expires_on BETWEEN p_today AND p_expiring_until))
     ORDER BY r.id
     LIMIT GREATEST(1, LEAST(p_limit, 10000))
$$;

-- Counts by status shown (Certificate::displayStatusSql, its twin) for a page
-- of the Users page: only people in the caller's scope.
CREATE OR REPLACE FUNCTION cd_api.certificate_counts(p_owners BIGINT[], p_today DATE, p_soon DATE)
RETURNS TABLE (owner_id BIGINT, shown TEXT, n BIGINT)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
#variable_conflict use_column
DECLARE
    owners BIGINT[] := cd_api_scoped(p_owners);
BEGIN
    RETURN QUERY
    SELECT c.owner_id,
           CASE WHEN c.status = 'pending' THEN 'pending'
                WHEN c.status = 'rejected' THEN 'rejected'
                WHEN c.revoked_at IS NOT NULL THEN 'revoked'
                WHEN c.renewed_by_id IS NOT NULL THEN 'renewed'
                WHEN c.expires_on IS NOT NULL AND c.expires_on < p_today THEN 'expired'
                WHEN c.expires_on IS NOT NULL AND c.expires_on <= p_soon THEN 'expiring-soon'
                WHEN c.status = 'validated' THEN 'validated' ELSE 'accepted' END,
           COUNT(*)
      FROM certificates c
     WHERE c.owner_id = ANY (owners)
     GROUP BY 1, 2;
END
$$;

-- The certificate a retried import wrote (its import key), when the caller
-- may see it.
CREATE OR REPLACE FUNCTION cd_api.certificate_by_import_key(p_key TEXT) RETURNS BIGINT
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    WITH scope AS MATERIALIZED (SELECT cd_api_scope() AS owners)
    SELECT c.id FROM certificates c, scope
     WHERE c.import_key = p_key AND c.owner_id = ANY (scope.owners)
$$;

-- Duplicate detection: the same PDF already held by this person (in scope),
-- as stored or as uploaded (a PDF repaired on import has both).
CREATE OR REPLACE FUNCTION cd_api.duplicate_of(p_owner BIGINT, p_sha TEXT, p_uploaded TEXT)
RETURNS TABLE (name TEXT, delivered_on DATE)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    WITH scope AS MATERIALIZED (SELECT cd_api_scope() AS owners)
    SELECT c.name, c.delivered_on FROM certificates c, scope
     WHERE c.owner_id = p_owner AND p_owner = ANY (scope.owners)
       AND (c.pdf_sha256 IN (p_sha, p_uploaded) OR c.uploaded_sha256 IN (p_sha, p_uploaded))
       AND c.status <> 'rejected'
     ORDER BY c.id LIMIT 1
$$;

-- The reviewer's "same file elsewhere" signal (ReviewSignals): the other
-- people who hold the PDF of a certificate the caller may see or reviews
-- (cd_api.certificate), as stored or as uploaded, rejected ones left out.
-- Names and ids only of people in the caller's scope (R5); everyone else is
-- one row (NULL, NULL, FALSE): "someone else too", neither who nor how many.
-- Nothing for the certificate's owner asking about their own.
CREATE OR REPLACE FUNCTION cd_api.same_file_holders(p_certificate BIGINT)
RETURNS TABLE (owner_id BIGINT, owner_name TEXT, in_scope BOOLEAN)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    WITH scope AS MATERIALIZED (SELECT cd_api_scope() AS owners),
         mine AS MATERIALIZED (
             SELECT c.owner_id, c.pdf_sha256, c.uploaded_sha256
               FROM cd_api.certificate(p_certificate) c
              WHERE c.owner_id IS DISTINCT FROM cd_me() AND c.pdf_sha256 IS NOT NULL),
         holders AS (
             SELECT DISTINCT o.owner_id, o.owner_id = ANY (scope.owners) AS in_scope
               FROM certificates o, mine, scope
              WHERE o.owner_id <> mine.owner_id AND o.status <> 'rejected'
                AND (o.pdf_sha256 IN (mine.pdf_sha256, mine.uploaded_sha256)
                     OR o.uploaded_sha256 IN (mine.pdf_sha256, mine.uploaded_sha256)))
    SELECT DISTINCT CASE WHEN h.in_scope THEN h.owner_id END,
           CASE WHEN h.in_scope THEN u.name END, h.in_scope
      FROM holders h JOIN users u ON u.id = h.owner_id
     ORDER BY 3 DESC, 2, 1
$$;

-- The PDF of a certificate the caller may see.
CREATE OR REPLACE FUNCTION cd_api.pdf(p_certificate BIGINT) RETURNS BYTEA
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT b.data FROM cd_api.certificate(p_certificate) c JOIN pdf_blobs b ON b.sha256 = c.pdf_sha256
$$;

-- A certificate's history, oldest first, when the caller may see it.
CREATE OR REPLACE FUNCTION cd_api.history(p_certificate BIGINT)
RETURNS TABLE (at TIMESTAMPTZ, actor_id BIGINT, actor_name TEXT, action TEXT, details TEXT)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT a.at, a.actor_id, u.name, a.action, a.details
      FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
     WHERE a.subject_type = 'certificate' AND a.subject_id = p_certificate
       AND EXISTS (SELECT 1 FROM cd_api.certificate(p_certificate))
     ORDER BY a.id
$$;

-- --- Validation tasks ---------------------------------------------------------

-- A task with its certificate (ReviewService's taskColumns).
CREATE VIEW cd_task_rows AS
    SELECT t.id AS task_id, t.state, t.version AS task_version, t.created_at AS task_created_at,
           t.decided_at, t.decided_by, d.name AS decided_by_name, t.comment, r.*
      FROM validation_tasks t JOIN cd_certificate_rows r ON r.id = t.certificate_id
      LEFT JOIN users d ON d.id = t.decided_by;
REVOKE ALL ON cd_task_rows FROM PUBLIC;

-- The caller's tasks: those assigned to them; a platform admin's, every task
-- but those of their own certificates (README, R3/R8 inbox); never those of
-- certificates the caller uploaded (four eyes). Oldest first,
-- after a keyset.
-- A platform admin's list reads validation_tasks in id order (open ones by
-- validation_tasks_state); a reviewer's reads their own rows of
-- task_reviewers in task order (task_reviewers_reviewer): each a statement
-- whose ORDER BY is its index's.
CREATE FUNCTION cd_api.tasks(p_open_only BOOLEAN, p_after_id BIGINT, p_limit INTEGER)
RETURNS SETOF cd_task_rows
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me BIGINT := cd_me();
    after BIGINT := COALESCE(p_after_id, 0);
    page INTEGER := CASE WHEN p_limit > 0 THEN p_limit END;
BEGIN
    IF me IS NULL THEN
        RETURN;
    END IF;
    IF NOT cd_api.am_platform_admin() THEN
        RETURN QUERY SELECT r.* FROM task_reviewers x JOIN cd_task_rows r ON r.task_id = x.task_id
           WHERE x.reviewer_id = me AND x.task_id > after
             AND r.uploader_id IS DISTINCT FROM me AND (NOT p_open_only OR r.state = 'open')
           ORDER BY x.task_id LIMIT page;
    ELSIF p_open_only IS NOT FALSE THEN
        RETURN QUERY SELECT r.* FROM cd_task_rows r
           WHERE r.state = 'open' AND r.task_id > after
             AND r.owner_id <> me AND r.uploader_id IS DISTINCT FROM me
           ORDER BY r.task_id LIMIT page;
    ELSE
        RETURN QUERY SELECT r.* FROM cd_task_rows r
           WHERE r.task_id > after AND r.owner_id <> me AND r.uploader_id IS DISTINCT FROM me
           ORDER BY r.task_id LIMIT page;
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION cd_api.task_count(p_open_only BOOLEAN) RETURNS BIGINT
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me BIGINT := cd_me();
BEGIN
    IF me IS NULL THEN
        RETURN 0;
    END IF;
    IF NOT cd_api.am_platform_admin() THEN
        RETURN (SELECT COUNT(*) FROM task_reviewers x
                  JOIN validation_tasks t ON t.id = x.task_id
                  JOIN certificates c ON c.id = t.certificate_id
                 WHERE x.reviewer_id = me AND c.uploader_id IS DISTINCT FROM me
                   AND (NOT p_open_only OR t.state = 'open'));
    ELSIF p_open_only IS NOT FALSE THEN
        RETURN (SELECT COUNT(*) FROM validation_tasks t JOIN certificates c ON c.id = t.certificate_id
                 WHERE t.state = 'open' AND c.owner_id <> me AND c.uploader_id IS DISTINCT FROM me);
    END IF;
    RETURN (SELECT COUNT(*) FROM validation_tasks t JOIN certificates c ON c.id = t.certificate_id
             WHERE c.owner_id <> me AND c.uploader_id IS DISTINCT FROM me);
END
$$;

-- One task the caller may review (assigned, or a platform admin; never the
-- owner).
CREATE FUNCTION cd_api.task(p_id BIGINT) RETURNS SETOF cd_task_rows
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    WITH who AS MATERIALIZED (SELECT cd_me() AS me)
    SELECT r.* FROM cd_task_rows r, who WHERE r.task_id = p_id AND cd_may_review(who.me, p_id)
$$;

-- Who a task belongs to and who was asked (Policy::mayReview decides), when
-- the caller is one of its reviewers or a platform admin.
CREATE OR REPLACE FUNCTION cd_api.task_routing(p_task BIGINT)
RETURNS TABLE (owner_id BIGINT, uploader_id BIGINT, reviewers BIGINT[])
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    WITH who AS MATERIALIZED (SELECT cd_me() AS me, cd_api.am_platform_admin() AS admin)
    SELECT c.owner_id, c.uploader_id,
           ARRAY(SELECT x.reviewer_id FROM task_reviewers x WHERE x.task_id = t.id
                  ORDER BY x.reviewer_id)
      FROM validation_tasks t JOIN certificates c ON c.id = t.certificate_id, who
     WHERE t.id = p_task AND who.me IS NOT NULL
       AND (who.admin OR EXISTS (SELECT 1 FROM task_reviewers x WHERE x.task_id = t.id
                                    AND x.reviewer_id = who.me))
$$;

-- --- Importing, resubmitting, reviewing ---------------------------------------

-- A PDF's bytes, stored once under their SHA-256 (cd_check_blob checks them
-- and records the upload for this transaction). A blob that no certificate
-- names by the end of the transaction is refused (cd_blob_referenced).
CREATE OR REPLACE FUNCTION cd_api.store_pdf(p_sha TEXT, p_size BIGINT, p_pages INTEGER,
                                            p_data BYTEA) RETURNS VOID
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    INSERT INTO pdf_blobs (sha256, size_bytes, page_count, data, created_at)
    VALUES (p_sha, p_size, p_pages, p_data, now()) ON CONFLICT (sha256) DO NOTHING
$$;

-- An import (R1, R4, R2, R6, R7: cd_check_certificate decides); the uploader
-- is the caller.
CREATE OR REPLACE FUNCTION cd_api.import_certificate(
    p_owner BIGINT, p_name TEXT, p_delivered DATE, p_expires DATE, p_template BIGINT,
    p_credits DOUBLE PRECISION, p_status TEXT, p_sha TEXT, p_filename TEXT, p_import_key TEXT,
    p_uploaded_sha TEXT, p_repairs TEXT, p_renews BIGINT DEFAULT NULL)
RETURNS BIGINT
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    INSERT INTO certificates (kind, owner_id, uploader_id, name, delivered_on, expires_on,
                              template_id, credits, status, pdf_sha256, original_filename,
                              import_key, created_at, updated_at, uploaded_sha256, pdf_repairs,
                              renews_id)
    VALUES ('external', p_owner, cd_me(), p_name, p_delivered, p_expires, p_template, p_credits,
            p_status, p_sha, p_filename, p_import_key, now(), now(), p_uploaded_sha, p_repairs,
            p_renews)
    RETURNING id
$$;

-- Revokes a certificate the caller sees (R5) at the version read, with a
-- reason (the trigger checks who may: cd_may_revoke); 0 rows: changed
-- meanwhile, revoked already, or hidden.
CREATE OR REPLACE FUNCTION cd_api.revoke_certificate(p_id BIGINT, p_version INTEGER,
                                                     p_reason TEXT) RETURNS INTEGER
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    owners BIGINT[] := cd_api_scope();
    n INTEGER;
BEGIN
    UPDATE certificates SET revoked_at = now(), revoked_by = cd_me(), revoke_reason = p_reason,
           version = version + 1, updated_at = now()
     WHERE id = p_id AND version = p_version AND revoked_at IS NULL
       AND status IN ('accepted', 'validated') AND owner_id = ANY (owners);
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;

-- Marks the certificate a renewal renews as renewed by it, once the renewal
-- is accepted (imported now) or validated (decided now); the trigger checks it.
CREATE OR REPLACE FUNCTION cd_api.mark_renewed(p_renewal BIGINT) RETURNS INTEGER
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    n INTEGER;
BEGIN
    UPDATE certificates o SET renewed_by_id = p_renewal, version = o.version + 1,
           updated_at = now()
      FROM certificates r
     WHERE r.id = p_renewal AND o.id = r.renews_id AND o.renewed_by_id IS NULL
       AND r.status IN ('accepted', 'validated');
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;

-- A rejected certificate corrected and sent again, at the version the caller
-- read; 0 rows when it changed meanwhile or is not the caller's to see.
CREATE OR REPLACE FUNCTION cd_api.resubmit_certificate(
    p_id BIGINT, p_version INTEGER, p_name TEXT, p_delivered DATE, p_expires DATE,
    p_template BIGINT, p_credits DOUBLE PRECISION, p_status TEXT, p_sha TEXT, p_filename TEXT,
    p_uploaded_sha TEXT, p_repairs TEXT)
RETURNS INTEGER
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    owners BIGINT[] := cd_api_scope();
    n INTEGER;
BEGIN
    UPDATE certificates SET name = p_name, delivered_on = p_delivered, expires_on = p_expires,
           template_id = p_template, credits = p_credits, status = p_status, pdf_sha256 = p_sha,
           original_filename = COALESCE(p_filename, original_filename), uploader_id = cd_me(),
           version = version + 1, updated_at = now(), uploaded_sha256 = p_uploaded_sha,
           pdf_repairs = p_repairs
     WHERE id = p_id AND version = p_version AND status = 'rejected' AND owner_id = ANY (owners);
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;

-- A new open task for a pending certificate written in this transaction.
CREATE OR REPLACE FUNCTION cd_api.open_task(p_certificate BIGINT) RETURNS BIGINT
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    INSERT INTO validation_tasks (certificate_id, state, created_at)
    VALUES (p_certificate, 'open', now()) RETURNING id
$$;

-- A reviewer of a task opened in this transaction: only those R3 names
-- (cd_check_reviewer).
CREATE OR REPLACE FUNCTION cd_api.add_reviewer(p_task BIGINT, p_reviewer BIGINT) RETURNS VOID
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    INSERT INTO task_reviewers (task_id, reviewer_id) VALUES (p_task, p_reviewer)
$$;

-- A decision on an open task at the version the reviewer saw; 0 rows when
-- another reviewer decided first, or when the caller may not review it (the
-- same answer as for a task that does not exist).
CREATE OR REPLACE FUNCTION cd_api.decide_task(p_task BIGINT, p_state TEXT, p_comment TEXT,
                                              p_version INTEGER) RETURNS INTEGER
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me BIGINT := cd_me();
    n INTEGER;
BEGIN
    UPDATE validation_tasks SET state = p_state, version = version + 1, decided_at = now(),
           decided_by = me, comment = NULLIF(btrim(p_comment), '')
     WHERE id = p_task AND state = 'open' AND version = p_version AND cd_may_review(me, id);
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;

-- The certificate of a task the caller decided in this transaction: its
-- outcome and the reviewer's edits (cd_check_certificate checks both).
CREATE OR REPLACE FUNCTION cd_api.review_certificate(p_certificate BIGINT, p_status TEXT,
                                                     p_name TEXT, p_delivered DATE,
                                                     p_expires DATE, p_template BIGINT)
RETURNS INTEGER
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    n INTEGER;
BEGIN
    UPDATE certificates SET status = p_status, name = p_name, delivered_on = p_delivered,
           expires_on = p_expires, template_id = p_template, version = version + 1,
           updated_at = now()
     WHERE id = p_certificate AND EXISTS (
           SELECT 1 FROM validation_tasks t WHERE t.certificate_id = p_certificate
              AND t.decided_by = cd_me() AND cd_written_now(t.xmin));
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;

-- --- Notifications -------------------------------------------------------------

-- The event an in-app notification and its email are about: written by the
-- server from the task and certificate it names, never from text a client
-- sends. A validation request goes to a reviewer of a task opened now, once;
-- an outcome goes to the owner of a certificate whose task this caller
-- decided now, once per decision, with the decision's comment. The email's
-- text is composed by the relay from these rows, in the recipient's language.
DROP FUNCTION IF EXISTS cd_notify(BIGINT, TEXT, BIGINT, BIGINT, TEXT, TEXT, TEXT);
CREATE OR REPLACE FUNCTION cd_api.notify(p_recipient BIGINT, p_kind TEXT, p_certificate BIGINT,
                                         p_task BIGINT) RETURNS BIGINT
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me BIGINT := cd_me();
    who RECORD;
    note TEXT;
    new_id BIGINT;
BEGIN
    IF me IS NULL AND NOT cd_trusted() THEN
        PERFORM cd_refuse('Only CertDesk users cause notifications.');
    END IF;
    IF p_kind = 'validation-request' THEN
        IF NOT EXISTS (SELECT 1 FROM validation_tasks t JOIN task_reviewers r ON r.task_id = t.id
                        WHERE t.id = p_task AND t.certificate_id = p_certificate AND t.state = 'open'
                          AND r.reviewer_id = p_recipient AND cd_written_now(t.xmin)) THEN
            PERFORM cd_refuse('A validation request goes to a reviewer of a task opened now.');
        END IF;
    ELSIF p_kind IN ('certificate-validated', 'certificate-rejected') THEN
        SELECT t.comment INTO note FROM validation_tasks t JOIN certificates c ON c.id = t.certificate_id
         WHERE t.id = p_task AND c.id = p_certificate AND c.owner_id = p_recipient
           AND t.decided_by = me AND cd_written_now(t.xmin) AND t.state = substring(p_kind FROM 13);
        IF NOT FOUND THEN
            PERFORM cd_refuse('An outcome goes to the owner of a certificate decided now.');
        END IF;
    ELSIF p_kind = 'certificate-revoked' THEN
        -- To the owner of a certificate this caller revoked now, once.
        SELECT c.revoke_reason INTO note FROM certificates c
         WHERE c.id = p_certificate AND c.owner_id = p_recipient AND c.revoked_by = me
           AND cd_written_now(c.xmin) AND p_task IS NULL
           AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.certificate_id = c.id
                              AND n.category = 'certificate-revoked');
        IF NOT FOUND THEN
            PERFORM cd_refuse('A revocation is told to the owner of a certificate revoked now, '
                              'once.');
        END IF;
    ELSE
        PERFORM cd_refuse('There is no such notification.');
    END IF;
    IF EXISTS (SELECT 1 FROM notifications WHERE task_id = p_task AND category = p_kind
                  AND (p_kind <> 'validation-request' OR recipient_id = p_recipient)) THEN
        PERFORM cd_refuse('This notification was written already: one per reviewer and task, '
                          'one per decision.');
    END IF;
    SELECT email, deleted, language INTO who FROM users WHERE id = p_recipient;
    IF NOT FOUND OR who.deleted THEN
        RETURN NULL; -- deleted users get no notifications
    END IF;
    INSERT INTO notifications (recipient_id, category, certificate_id, task_id, actor_id, comment,
                               created_at)
         VALUES (p_recipient, p_kind, p_certificate, p_task, me, note, now())
      RETURNING id INTO new_id;
    INSERT INTO email_outbox (notification_id, recipient_email, subject, body, language, state,
                              next_attempt_at, created_at)
         VALUES (new_id, who.email, '', '', who.language, 'queued', now(), now());
    RETURN new_id;
END
$$;

-- The caller's inbox, newest first, after a keyset; p_filter: all,
-- requests, reminders or outcomes (the others).
-- Requests and reminders read notifications_category, the others
-- notifications_inbox, newest first from the keyset.
CREATE OR REPLACE FUNCTION cd_api.inbox(p_filter TEXT, p_unread_only BOOLEAN, p_before BIGINT,
                                        p_limit INTEGER)
RETURNS TABLE (id BIGINT, category TEXT, certificate_id BIGINT, certificate_name TEXT,
               task_id BIGINT, actor_id BIGINT, actor_name TEXT, comment TEXT,
               created_at TIMESTAMPTZ, read_at TIMESTAMPTZ, threshold_days INTEGER)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
#variable_conflict use_column
DECLARE
    me BIGINT := cd_me();
    before BIGINT := COALESCE(NULLIF(p_before, 0), 9223372036854775807);
    wanted TEXT := CASE p_filter WHEN 'requests' THEN 'validation-request'
                               WHEN 'reminders' THEN 'reminder' END;
BEGIN
    IF wanted IS NOT NULL THEN
        RETURN QUERY
        SELECT n.id, n.category, n.certificate_id, c.name, n.task_id, n.actor_id, a.name,
               n.comment, n.created_at, n.read_at, n.threshold_days
          FROM notifications n LEFT JOIN certificates c ON c.id = n.certificate_id
          LEFT JOIN users a ON a.id = n.actor_id
         WHERE n.recipient_id = me AND n.category = wanted AND n.id < before
           AND (NOT p_unread_only OR n.read_at IS NULL)
         ORDER BY n.id DESC
         LIMIT GREATEST(1, p_limit);
    ELSIF p_filter IN ('all', 'outcomes') THEN
        RETURN QUERY
        SELECT n.id, n.category, n.certificate_id, c.name, n.task_id, n.actor_id, a.name,
               n.comment, n.created_at, n.read_at, n.threshold_days
          FROM notifications n LEFT JOIN certificates c ON c.id = n.certificate_id
          LEFT JOIN users a ON a.id = n.actor_id
         WHERE n.recipient_id = me AND n.id < before
           AND (p_filter = 'all' OR n.category NOT IN ('validation-request', 'reminder'))
           AND (NOT p_unread_only OR n.read_at IS NULL)
         ORDER BY n.id DESC
         LIMIT GREATEST(1, p_limit);
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION cd_api.unread_count() RETURNS BIGINT
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT COUNT(*) FROM notifications WHERE recipient_id = cd_me() AND read_at IS NULL
$$;

-- Marks one of the caller's notifications read (0: not theirs, or read).
CREATE OR REPLACE FUNCTION cd_api.mark_read(p_id BIGINT) RETURNS INTEGER
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    n INTEGER;
BEGIN
    UPDATE notifications SET read_at = now()
     WHERE id = p_id AND recipient_id = cd_me() AND read_at IS NULL;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;

CREATE OR REPLACE FUNCTION cd_api.mark_all_read() RETURNS INTEGER
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    n INTEGER;
BEGIN
    UPDATE notifications SET read_at = now() WHERE recipient_id = cd_me() AND read_at IS NULL;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;

-- --- Requirements and compliance ------------------------------------------------

-- README "Rules", Requirements and compliance; the twins of ComplianceStore's
-- statements. The best certificate of a person for a template: valid or
-- expiring (the latest expiration first, none best), then pending, then
-- expired; never a rejected or revoked one. Not callable by members (no
-- grant on public functions): only the cd_api functions below use them.
CREATE OR REPLACE FUNCTION cd_compliance_best(p_owner BIGINT, p_template BIGINT, p_today DATE)
RETURNS BIGINT
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT c.id FROM certificates c
     WHERE c.owner_id = p_owner AND c.template_id = p_template
       AND c.status IN ('accepted', 'validated', 'pending') AND c.revoked_at IS NULL
     ORDER BY CASE WHEN c.status = 'pending' THEN 2 WHEN c.expires_on < p_today THEN 3 ELSE 1 END,
              COALESCE(c.expires_on, DATE '9999-12-31') DESC, c.id DESC
     LIMIT 1
$$;

CREATE OR REPLACE FUNCTION cd_compliance_state(p_certificate BIGINT, p_today DATE, p_soon DATE)
RETURNS TEXT
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT COALESCE((SELECT CASE WHEN c.status = 'pending' THEN 'pending'
                                 WHEN c.expires_on < p_today THEN 'expired'
                                 WHEN c.expires_on <= p_soon THEN 'expiring' ELSE 'valid' END
                       FROM certificates c WHERE c.id = p_certificate), 'missing')
$$;

CREATE OR REPLACE FUNCTION cd_compliance_lapse(p_certificate BIGINT) RETURNS DATE
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT COALESCE((SELECT CASE WHEN c.status = 'pending' THEN DATE '0001-01-01'
                                 ELSE COALESCE(c.expires_on, DATE '9999-12-31') END
                       FROM certificates c WHERE c.id = p_certificate), DATE '0001-01-01')
$$;

-- The people of the caller's scope (R5) a requirement applies to: current
-- users who are members of a group requiring a template (p_template 0: any),
-- or of a group below one; of p_group and the groups below it (0: any); with
-- p_state, only those with a required template in that state.
CREATE OR REPLACE FUNCTION cd_compliance_people(p_group BIGINT, p_template BIGINT, p_state TEXT,
                                                p_lapse BOOLEAN, p_today DATE, p_soon DATE)
RETURNS TABLE (id BIGINT, name TEXT, email TEXT, sort_name TEXT, lapse DATE)
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    -- A platform admin's scope is everyone: no array of every person to
    -- search for each row.
    WITH RECURSIVE scope AS MATERIALIZED (
        SELECT cd_api.am_platform_admin() AS everyone,
               CASE WHEN NOT cd_api.am_platform_admin() THEN cd_api_scope() END AS owners),
    reqg(group_id, template_id) AS (
        SELECT r.group_id, r.template_id FROM group_requirements r
         WHERE COALESCE(p_template, 0) = 0 OR r.template_id = p_template
        UNION SELECT g.id, q.template_id FROM groups g JOIN reqg q ON g.parent_id = q.group_id),
    sub(id) AS (SELECT p_group UNION SELECT g.id FROM groups g JOIN sub ON g.parent_id = sub.id)
    SELECT u.id, u.name, u.email, lower(u.name),
           CASE WHEN p_lapse THEN (SELECT MIN(cd_compliance_lapse(
                                          cd_compliance_best(u.id, q.template_id, p_today)))
                                     FROM memberships m JOIN reqg q ON q.group_id = m.group_id
                                    WHERE m.user_id = u.id) END
      FROM users u, scope
     WHERE (scope.everyone OR u.id = ANY (scope.owners)) AND u.deleted = FALSE
       AND EXISTS (SELECT 1 FROM memberships m JOIN reqg q ON q.group_id = m.group_id
                    WHERE m.user_id = u.id)
       AND (COALESCE(p_group, 0) = 0
            OR EXISTS (SELECT 1 FROM memberships m JOIN sub ON sub.id = m.group_id
                        WHERE m.user_id = u.id))
       AND (p_state IS NULL
            OR EXISTS (SELECT 1 FROM memberships m JOIN reqg q ON q.group_id = m.group_id
                        WHERE m.user_id = u.id
                          AND cd_compliance_state(cd_compliance_best(u.id, q.template_id, p_today),
                                                  p_today, p_soon) = p_state))
$$;

-- ComplianceStore::page: one page by name, or (p_order 'lapse') by soonest
-- lapse then name, after the keyset (p_after_id 0: the first page).
CREATE OR REPLACE FUNCTION cd_api.compliance_page(p_group BIGINT, p_template BIGINT, p_state TEXT,
                                                  p_order TEXT, p_today DATE, p_soon DATE,
                                                  p_after_lapse DATE, p_after_name TEXT,
                                                  p_after_id BIGINT, p_limit INTEGER)
RETURNS TABLE (id BIGINT, name TEXT, email TEXT, sort_name TEXT, lapse DATE)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT p.id, p.name, p.email, p.sort_name, p.lapse
      FROM cd_compliance_people(p_group, p_template, p_state, p_order = 'lapse', p_today,
                                p_soon) p
     WHERE COALESCE(p_after_id, 0) = 0
        OR (p_order = 'lapse' AND (p.lapse, p.sort_name, p.id) > (p_after_lapse, p_after_name,
                                                                  p_after_id))
        OR (p_order <> 'lapse' AND (p.sort_name, p.id) > (p_after_name, p_after_id))
     ORDER BY CASE WHEN p_order = 'lapse' THEN p.lapse END, p.sort_name, p.id
     LIMIT GREATEST(1, LEAST(p_limit, 10000))
$$;

CREATE OR REPLACE FUNCTION cd_api.compliance_count(p_group BIGINT, p_template BIGINT,
                                                   p_state TEXT, p_today DATE, p_soon DATE)
RETURNS BIGINT
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT COUNT(*) FROM cd_compliance_people(p_group, p_template, p_state, FALSE, p_today, p_soon)
$$;

-- The cells of a page: for each of p_owners in the caller's scope, each
-- template required of them (p_template 0: all), its best certificate.
CREATE OR REPLACE FUNCTION cd_api.compliance_cells(p_owners BIGINT[], p_template BIGINT,
                                                   p_today DATE)
RETURNS TABLE (owner_id BIGINT, template_id BIGINT, template_name TEXT, certificate_id BIGINT,
               status TEXT, expires_on DATE)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    WITH RECURSIVE scope AS MATERIALIZED (SELECT cd_api_scoped(p_owners[1:10000]) AS owners),
    reqg(group_id, template_id) AS (
        SELECT r.group_id, r.template_id FROM group_requirements r
         WHERE COALESCE(p_template, 0) = 0 OR r.template_id = p_template
        UNION SELECT g.id, q.template_id FROM groups g JOIN reqg q ON g.parent_id = q.group_id),
    pairs AS (
        SELECT DISTINCT m.user_id, q.template_id,
               cd_compliance_best(m.user_id, q.template_id, p_today) AS best
          FROM memberships m JOIN reqg q ON q.group_id = m.group_id, scope
         WHERE m.user_id = ANY (scope.owners))
    SELECT p.user_id, p.template_id, t.name, b.id, b.status, b.expires_on
      FROM pairs p JOIN certificate_templates t ON t.id = p.template_id
      LEFT JOIN certificates b ON b.id = p.best
$$;

-- Per template, how many of the people of cd_compliance_people (no state
-- filter) are in each state.
CREATE OR REPLACE FUNCTION cd_api.compliance_totals(p_group BIGINT, p_template BIGINT,
                                                    p_today DATE, p_soon DATE)
RETURNS TABLE (template_id BIGINT, template_name TEXT, state TEXT, n BIGINT)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    WITH RECURSIVE reqg(group_id, template_id) AS (
        SELECT r.group_id, r.template_id FROM group_requirements r
         WHERE COALESCE(p_template, 0) = 0 OR r.template_id = p_template
        UNION SELECT g.id, q.template_id FROM groups g JOIN reqg q ON g.parent_id = q.group_id),
    pairs AS (
        SELECT DISTINCT m.user_id, q.template_id
          FROM cd_compliance_people(p_group, p_template, NULL, FALSE, p_today, p_soon) p
          JOIN memberships m ON m.user_id = p.id JOIN reqg q ON q.group_id = m.group_id)
    SELECT x.template_id, t.name, x.state, COUNT(*)
      FROM (SELECT p.template_id,
                   cd_compliance_state(cd_compliance_best(p.user_id, p.template_id, p_today),
                                       p_today, p_soon) AS state
              FROM pairs p) x
      JOIN certificate_templates t ON t.id = x.template_id
     GROUP BY x.template_id, t.name, x.state
$$;

-- --- Reminders before expiry ---------------------------------------------------

-- ReminderService on a prepared server (README "Reminders"; the same rules
-- as its plain statements): the certificates whose reminder is due on
-- p_today, one page in (expires_on, id) order after the keyset, each with
-- its threshold (the smallest of reminders.days not below the days left)
-- and recipients (the owner; with reminders.manager, the active manager, else
-- the group admins R3 routes to). Unless p_dry_run, each reminder is claimed
-- in reminders_sent (its key: certificate, expiry date, threshold) and, when
-- this call claimed it, written as notifications and emails (not to someone
-- who turned reminder emails off) in the caller's transaction: a reminder
-- another job claimed first comes back with sent = FALSE. Relays and
-- platform admins only.
DROP FUNCTION IF EXISTS cd_api.send_reminders(DATE, BOOLEAN, DATE, BIGINT, INTEGER);
CREATE FUNCTION cd_api.send_reminders(p_today DATE, p_dry_run BOOLEAN, p_after_expires DATE,
                                      p_after_id BIGINT, p_limit INTEGER)
RETURNS TABLE (certificate_id BIGINT, certificate_name TEXT, owner_id BIGINT, owner_name TEXT,
               expires_on DATE, days_left INTEGER, threshold_days INTEGER, sent BOOLEAN,
               recipient_ids BIGINT[], recipient_names TEXT[], emailed BOOLEAN[])
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
#variable_conflict use_column
DECLARE
    days INTEGER[];
    horizon INTEGER;
    c RECORD;
    r RECORD;
    claimed INTEGER;
    new_id BIGINT;
BEGIN
    IF NOT (cd_trusted() OR cd_api_is_relay() OR cd_is_platform_admin(cd_me())) THEN
        PERFORM cd_refuse('Only a relay or a platform admin sends the reminders.');
    END IF;
    IF p_today IS NULL THEN
        PERFORM cd_refuse('Reminders need the date of today.');
    END IF;
    days := COALESCE(cd_reminder_days(COALESCE(cd_setting('reminders.days'), '90,30,7,0')),
                     '{90,30,7,0}');
    IF cardinality(days) = 0 THEN
        RETURN;
    END IF;
    horizon := (SELECT max(d) FROM unnest(days) AS d);
    FOR c IN
        SELECT y.* FROM (
            SELECT x.id, x.name, x.owner_id, o.name AS owner_name, x.expires_on,
                   (x.expires_on - p_today) AS left_days,
                   (SELECT min(d) FROM unnest(days) AS d WHERE d >= x.expires_on - p_today) AS t
              FROM certificates x JOIN users o ON o.id = x.owner_id
             WHERE x.expires_on BETWEEN p_today AND p_today + horizon
               AND x.kind = 'external' AND x.status IN ('accepted', 'validated')
               AND x.revoked_at IS NULL AND x.renewed_by_id IS NULL AND o.deleted = FALSE
               AND (COALESCE(p_after_id, 0) = 0 OR x.expires_on > p_after_expires
                    OR (x.expires_on = p_after_expires AND x.id > p_after_id))) y
         -- Neither this reminder nor a later one (catch-up) sent already.
         WHERE NOT EXISTS (SELECT 1 FROM reminders_sent s WHERE s.certificate_id = y.id
                              AND s.expires_on = y.expires_on AND s.threshold_days <= y.t)
         ORDER BY y.expires_on, y.id
         LIMIT GREATEST(1, p_limit)
    LOOP
        certificate_id := c.id;
        certificate_name := c.name;
        owner_id := c.owner_id;
        owner_name := c.owner_name;
        expires_on := c.expires_on;
        days_left := c.left_days;
        threshold_days := c.t;
        recipient_ids := '{}';
        recipient_names := '{}';
        emailed := '{}';
        IF NOT p_dry_run THEN
            INSERT INTO reminders_sent (certificate_id, expires_on, threshold_days, sent_at)
                 VALUES (c.id, c.expires_on, c.t, now()) ON CONFLICT DO NOTHING;
            GET DIAGNOSTICS claimed = ROW_COUNT;
            IF claimed = 0 THEN
                sent := FALSE;
                RETURN NEXT;
                CONTINUE;
            END IF;
        END IF;
        sent := TRUE;
        FOR r IN
            SELECT u.id, u.name, u.email, u.language, u.reminder_emails
              FROM users u
             WHERE u.deleted = FALSE
               AND (u.id = c.owner_id
                    OR (COALESCE(cd_setting('reminders.manager'), 'on') = 'on'
                        AND u.id IN (SELECT m.id FROM users o JOIN users m ON m.id = o.manager_id
                                      WHERE o.id = c.owner_id AND m.deleted = FALSE
                                        AND m.id <> c.owner_id
                                     UNION ALL
                                     SELECT g FROM cd_group_reviewers_for(c.owner_id, NULL) AS g
                                      WHERE NOT EXISTS (
                                          SELECT 1 FROM users o JOIN users m
                                              ON m.id = o.manager_id
                                           WHERE o.id = c.owner_id AND m.deleted = FALSE
                                             AND m.id <> c.owner_id))))
             ORDER BY u.id <> c.owner_id, u.id
        LOOP
            recipient_ids := recipient_ids || r.id;
            recipient_names := recipient_names || r.name;
            emailed := emailed || r.reminder_emails;
            IF NOT p_dry_run THEN
                INSERT INTO notifications (recipient_id, category, certificate_id, actor_id,
                                           created_at, threshold_days)
                     VALUES (r.id, 'reminder', c.id,
                             CASE WHEN r.id = c.owner_id THEN NULL ELSE c.owner_id END, now(),
                             c.left_days)
                  RETURNING id INTO new_id;
                IF r.reminder_emails THEN
                    INSERT INTO email_outbox (notification_id, recipient_email, subject, body,
                                              language, state, next_attempt_at, created_at)
                         VALUES (new_id, r.email, '', '', r.language, 'queued', now(), now());
                END IF;
            END IF;
        END LOOP;
        RETURN NEXT;
    END LOOP;
END
$$;

-- --- The outbox: platform admins see failed emails; relays send -----------------

CREATE OR REPLACE FUNCTION cd_api_is_relay() RETURNS BOOLEAN
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT pg_has_role(session_user, {{RELAY_NAME}}, 'MEMBER')
$$;

-- An email with the event its text is composed from (MailText).
CREATE VIEW cd_email_rows AS
    SELECT e.id, e.notification_id, e.recipient_email, e.subject, e.body, e.language, e.state,
           e.attempts, e.last_error, e.message_id, e.created_at, e.last_attempt_at,
           e.next_attempt_at, e.sent_at, e.queued_at, n.category, c.name AS certificate_name,
           a.name AS actor_name, n.comment, n.threshold_days
      FROM email_outbox e LEFT JOIN notifications n ON n.id = e.notification_id
      LEFT JOIN certificates c ON c.id = n.certificate_id LEFT JOIN users a ON a.id = n.actor_id;
REVOKE ALL ON cd_email_rows FROM PUBLIC;

CREATE FUNCTION cd_api.failed_emails(p_before BIGINT, p_limit INTEGER) RETURNS SETOF cd_email_rows
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT r.* FROM cd_email_rows r
     WHERE cd_api.am_platform_admin() AND r.state = 'failed'
       AND r.id < COALESCE(NULLIF(p_before, 0), 9223372036854775807)
     ORDER BY r.id DESC LIMIT GREATEST(1, p_limit)
$$;

CREATE FUNCTION cd_api.email(p_id BIGINT) RETURNS SETOF cd_email_rows
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT r.* FROM cd_email_rows r
     WHERE r.id = p_id AND (cd_api.am_platform_admin() OR cd_api_is_relay())
$$;

CREATE OR REPLACE FUNCTION cd_api.outbox_counts()
RETURNS TABLE (state TEXT, n BIGINT, next_attempt_at TIMESTAMPTZ)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT e.state, COUNT(*), MIN(e.next_attempt_at) FROM email_outbox e
     WHERE cd_api.am_platform_admin() OR cd_api_is_relay()
     GROUP BY e.state
$$;

-- A failed email back in the queue (its give-up clock starts again).
CREATE OR REPLACE FUNCTION cd_api.retry_email(p_id BIGINT) RETURNS INTEGER
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    n INTEGER;
BEGIN
    IF NOT cd_api.am_platform_admin() THEN
        RETURN 0;
    END IF;
    UPDATE email_outbox SET state = 'queued', attempts = 0, next_attempt_at = now(),
           queued_at = now(), last_error = NULL
     WHERE id = p_id AND state = 'failed';
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;

-- The relay takes the next due email (OutboxSender::claimNext).
CREATE FUNCTION cd_api.relay_claim(p_claimer TEXT, p_until TIMESTAMPTZ, p_message_id TEXT,
                                   p_due_by TIMESTAMPTZ, p_now TIMESTAMPTZ)
RETURNS SETOF cd_email_rows
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    claimed BIGINT;
BEGIN
    IF NOT cd_api_is_relay() THEN
        PERFORM cd_refuse('Only email relays send the outbox.');
    END IF;
    UPDATE email_outbox SET state = 'sending', claimed_by = p_claimer, claimed_until = p_until,
           message_id = COALESCE(message_id, p_message_id)
     WHERE id = (SELECT id FROM email_outbox
                  WHERE (state = 'queued' AND next_attempt_at <= p_due_by)
                     OR (state = 'sending' AND claimed_until < p_now)
                  ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
       AND ((state = 'queued' AND next_attempt_at <= p_due_by)
            OR (state = 'sending' AND claimed_until < p_now))
    RETURNING id INTO claimed;
    RETURN QUERY SELECT r.* FROM cd_email_rows r WHERE r.id = claimed;
END
$$;

CREATE OR REPLACE FUNCTION cd_api.relay_sent(p_id BIGINT, p_now TIMESTAMPTZ) RETURNS VOID
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT cd_api_is_relay() THEN
        PERFORM cd_refuse('Only email relays send the outbox.');
    END IF;
    UPDATE email_outbox SET state = 'sent', sent_at = p_now, last_attempt_at = p_now,
           last_error = NULL, claimed_by = NULL, claimed_until = NULL
     WHERE id = p_id AND state <> 'sent';
END
$$;

CREATE OR REPLACE FUNCTION cd_api.relay_failed(p_id BIGINT, p_claimer TEXT, p_state TEXT,
                                               p_now TIMESTAMPTZ, p_next TIMESTAMPTZ,
                                               p_error TEXT) RETURNS VOID
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT cd_api_is_relay() OR p_state NOT IN ('queued', 'failed') THEN
        PERFORM cd_refuse('Only email relays send the outbox.');
    END IF;
    UPDATE email_outbox SET state = p_state, attempts = attempts + 1, last_attempt_at = p_now,
           next_attempt_at = p_next, last_error = p_error, claimed_by = NULL, claimed_until = NULL
     WHERE id = p_id AND state = 'sending' AND claimed_by = p_claimer;
END
$$;

-- The SMTP server is down: past their give-up time the due emails fail, the
-- others wait until p_until (OutboxSender::deferDue).
CREATE OR REPLACE FUNCTION cd_api.relay_defer(p_error TEXT, p_due_by TIMESTAMPTZ,
                                              p_deadline_start TIMESTAMPTZ, p_until TIMESTAMPTZ)
RETURNS TABLE (gave_up INTEGER, deferred INTEGER)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT cd_api_is_relay() THEN
        PERFORM cd_refuse('Only email relays send the outbox.');
    END IF;
    UPDATE email_outbox SET state = 'failed', last_error = p_error
     WHERE state = 'queued' AND next_attempt_at <= p_due_by
       AND COALESCE(queued_at, created_at) <= p_deadline_start;
    GET DIAGNOSTICS gave_up = ROW_COUNT;
    UPDATE email_outbox SET next_attempt_at = p_until, last_error = p_error
     WHERE state = 'queued' AND next_attempt_at <= p_due_by;
    GET DIAGNOSTICS deferred = ROW_COUNT;
    RETURN NEXT;
END
$$;

CREATE OR REPLACE FUNCTION cd_api.relay_next_due() RETURNS TIMESTAMPTZ
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT MIN(next_attempt_at) FROM email_outbox WHERE state = 'queued' AND cd_api_is_relay()
$$;

-- --- Logins (user add, delete and restore) ----------------------------------------

CREATE OR REPLACE FUNCTION cd_api.create_login(p_user BIGINT, p_secret TEXT) RETURNS VOID
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT cd_create_login(p_user, p_secret)
$$;

CREATE OR REPLACE FUNCTION cd_api.sync_login(p_user BIGINT) RETURNS VOID
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT cd_sync_login(p_user)
$$;

-- --- History, written by the server with the change it records -------------------

-- One entry of the audit log, by the signed-in person, at the server's time.
CREATE OR REPLACE FUNCTION cd_audit(p_action TEXT, p_subject_type TEXT, p_subject BIGINT,
                                    p_details JSONB) RETURNS VOID
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    INSERT INTO audit_log (at, actor_id, action, subject_type, subject_id, details)
    VALUES (now(), cd_me(), p_action, p_subject_type, p_subject, p_details::TEXT)
$$;

-- A PDF repaired on import, in the history of its import or resubmission.
CREATE OR REPLACE FUNCTION cd_audit_repairs(p_row certificates) RETURNS JSONB
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN p_row.pdf_repairs IS NULL THEN '{}'::JSONB
                ELSE jsonb_build_object('uploaded_sha256', p_row.uploaded_sha256,
                                        'pdf_repairs', p_row.pdf_repairs) END
$$;

-- Certificates: imported, validated or rejected (with the task's comment),
-- corrected and sent again.
CREATE OR REPLACE FUNCTION cd_audit_certificate() RETURNS TRIGGER
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    task RECORD;
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.kind = 'external' THEN
            PERFORM cd_audit('certificate.import', 'certificate', NEW.id, jsonb_build_object(
                'owner_id', NEW.owner_id, 'name', NEW.name, 'status', NEW.status,
                'pdf_sha256', NEW.pdf_sha256, 'task_id', 0, 'reviewers', '[]'::JSONB)
                || cd_audit_repairs(NEW)
                || CASE WHEN NEW.renews_id IS NOT NULL
                        THEN jsonb_build_object('renews_id', NEW.renews_id)
                        ELSE '{}'::JSONB END);
        END IF;
        RETURN NULL;
    END IF;
    IF OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL THEN
        PERFORM cd_audit('certificate.revoke', 'certificate', NEW.id,
                         jsonb_build_object('comment', NEW.revoke_reason));
        RETURN NULL;
    END IF;
    IF OLD.renewed_by_id IS NULL AND NEW.renewed_by_id IS NOT NULL THEN
        PERFORM cd_audit('certificate.renewed', 'certificate', NEW.id,
                         jsonb_build_object('renewal_id', NEW.renewed_by_id));
        RETURN NULL;
    END IF;
    IF OLD.status = 'pending' AND NEW.status IN ('validated', 'rejected') THEN
        SELECT t.id, t.comment INTO task FROM validation_tasks t
         WHERE t.certificate_id = NEW.id AND cd_written_now(t.xmin) AND t.state = NEW.status
         ORDER BY t.id DESC LIMIT 1;
        PERFORM cd_audit(CASE NEW.status WHEN 'validated' THEN 'certificate.validate'
                                         ELSE 'certificate.reject' END,
                         'certificate', NEW.id, jsonb_build_object(
            'task_id', COALESCE(task.id, 0), 'comment', COALESCE(task.comment, ''),
            'name', NEW.name, 'delivered', NEW.delivered_on::TEXT,
            'expires', COALESCE(NEW.expires_on::TEXT, ''), 'template_id', COALESCE(NEW.template_id, 0)));
    ELSIF OLD.status = 'rejected' AND NEW.status IN ('pending', 'accepted') THEN
        PERFORM cd_audit('certificate.resubmit', 'certificate', NEW.id, jsonb_build_object(
            'name', NEW.name, 'delivered', NEW.delivered_on::TEXT,
            'expires', COALESCE(NEW.expires_on::TEXT, ''), 'pdf_sha256', NEW.pdf_sha256,
            'new_file', NEW.pdf_sha256 IS DISTINCT FROM OLD.pdf_sha256
                        OR cd_uploaded_now(NEW.pdf_sha256),
            'status', NEW.status, 'task_id', 0)
            || CASE WHEN NEW.pdf_sha256 IS DISTINCT FROM OLD.pdf_sha256
                         OR cd_uploaded_now(NEW.pdf_sha256)
                    THEN cd_audit_repairs(NEW) ELSE '{}'::JSONB END);
    END IF;
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS cd_audit ON certificates;
CREATE TRIGGER cd_audit AFTER INSERT OR UPDATE ON certificates
    FOR EACH ROW EXECUTE FUNCTION cd_audit_certificate();

-- The task and reviewers of an import or resubmission join its entry.
CREATE OR REPLACE FUNCTION cd_audit_reviewer() RETURNS TRIGGER
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    cert BIGINT;
BEGIN
    SELECT certificate_id INTO cert FROM validation_tasks WHERE id = NEW.task_id;
    UPDATE audit_log SET details = (details::JSONB || jsonb_build_object(
               'task_id', NEW.task_id,
               'reviewers', (SELECT jsonb_agg(r.reviewer_id ORDER BY r.reviewer_id)
                               FROM task_reviewers r WHERE r.task_id = NEW.task_id)))::TEXT
     WHERE id = (SELECT max(a.id) FROM audit_log a WHERE a.subject_type = 'certificate'
                    AND a.subject_id = cert AND cd_written_now(a.xmin)
                    AND a.action IN ('certificate.import', 'certificate.resubmit'));
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS cd_audit ON task_reviewers;
CREATE TRIGGER cd_audit AFTER INSERT ON task_reviewers
    FOR EACH ROW EXECUTE FUNCTION cd_audit_reviewer();

-- The directory: people added, deleted and restored; groups and templates
-- added; settings changed; failed emails sent again.
CREATE OR REPLACE FUNCTION cd_audit_directory() RETURNS TRIGGER
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF TG_TABLE_NAME = 'users' THEN
        IF TG_OP = 'INSERT' THEN
            PERFORM cd_audit('user.add', 'user', NEW.id, jsonb_build_object(
                'email', NEW.email, 'manager_id', COALESCE(NEW.manager_id, 0)));
        ELSIF NEW.deleted IS DISTINCT FROM OLD.deleted THEN
            PERFORM cd_audit(CASE WHEN NEW.deleted THEN 'user.delete' ELSE 'user.restore' END,
                             'user', NEW.id, jsonb_build_object('email', NEW.email));
        END IF;
    ELSIF TG_TABLE_NAME = 'memberships' THEN
        PERFORM cd_audit('membership.add', 'user', NEW.user_id, jsonb_build_object(
            'group_id', NEW.group_id, 'role', NEW.role));
    ELSIF TG_TABLE_NAME = 'groups' THEN
        PERFORM cd_audit('group.add', 'group', NEW.id, jsonb_build_object(
            'name', NEW.name, 'parent_id', COALESCE(NEW.parent_id, 0)));
    ELSIF TG_TABLE_NAME = 'certificate_templates' THEN
        PERFORM cd_audit('template.add', 'template', NEW.id, jsonb_build_object('name', NEW.name));
    ELSIF TG_TABLE_NAME = 'group_requirements' THEN
        IF TG_OP = 'INSERT' THEN
            PERFORM cd_audit('requirement.add', 'group', NEW.group_id,
                             jsonb_build_object('template_id', NEW.template_id));
        ELSE
            PERFORM cd_audit('requirement.remove', 'group', OLD.group_id,
                             jsonb_build_object('template_id', OLD.template_id));
        END IF;
    ELSIF TG_TABLE_NAME = 'settings' THEN
        IF TG_OP = 'INSERT' OR NEW.value IS DISTINCT FROM OLD.value THEN
            PERFORM cd_audit('settings.change', 'setting', 0, jsonb_build_object(
                'key', NEW.key, 'from', CASE WHEN TG_OP = 'UPDATE' THEN OLD.value END,
                'to', NEW.value));
        END IF;
    ELSIF TG_TABLE_NAME = 'email_outbox' THEN
        IF OLD.state = 'failed' AND NEW.state = 'queued' AND cd_me() IS NOT NULL THEN
            PERFORM cd_audit('mail.retry', 'email', NEW.id, jsonb_build_object(
                'recipient', OLD.recipient_email, 'attempts', OLD.attempts,
                'last_error', COALESCE(OLD.last_error, '')));
        END IF;
    END IF;
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS cd_audit ON users;
CREATE TRIGGER cd_audit AFTER INSERT OR UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION cd_audit_directory();
DROP TRIGGER IF EXISTS cd_audit ON memberships;
CREATE TRIGGER cd_audit AFTER INSERT ON memberships
    FOR EACH ROW EXECUTE FUNCTION cd_audit_directory();
DROP TRIGGER IF EXISTS cd_audit ON groups;
CREATE TRIGGER cd_audit AFTER INSERT ON groups
    FOR EACH ROW EXECUTE FUNCTION cd_audit_directory();
DROP TRIGGER IF EXISTS cd_audit ON certificate_templates;
CREATE TRIGGER cd_audit AFTER INSERT ON certificate_templates
    FOR EACH ROW EXECUTE FUNCTION cd_audit_directory();
DROP TRIGGER IF EXISTS cd_audit ON group_requirements;
CREATE TRIGGER cd_audit AFTER INSERT OR DELETE ON group_requirements
    FOR EACH ROW EXECUTE FUNCTION cd_audit_directory();
DROP TRIGGER IF EXISTS cd_audit ON settings;
CREATE TRIGGER cd_audit AFTER INSERT OR UPDATE ON settings
    FOR EACH ROW EXECUTE FUNCTION cd_audit_directory();
DROP TRIGGER IF EXISTS cd_audit ON email_outbox;
CREATE TRIGGER cd_audit AFTER UPDATE ON email_outbox
    FOR EACH ROW EXECUTE FUNCTION cd_audit_directory();

-- --- Blobs that nothing names --------------------------------------------------

-- At commit, a PDF stored in the transaction is named by a certificate, or
-- the transaction is refused: nobody fills the disk with orphan blobs.
CREATE OR REPLACE FUNCTION cd_blob_referenced() RETURNS TRIGGER
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF cd_trusted() THEN
        RETURN NULL;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM certificates WHERE pdf_sha256 = NEW.sha256) THEN
        PERFORM cd_refuse('A PDF is stored only for the certificate that names it.');
    END IF;
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS cd_referenced ON pdf_blobs;
CREATE CONSTRAINT TRIGGER cd_referenced AFTER INSERT ON pdf_blobs
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cd_blob_referenced();

-- --- Privileges: the API, and nothing with hidden rows ------------------------------

REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC, {{MEMBER}}, {{RELAY}};
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC, {{MEMBER}}, {{RELAY}};
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC, {{MEMBER}}, {{RELAY}};
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA cd_api FROM PUBLIC, {{MEMBER}}, {{RELAY}};
GRANT SELECT ON schema_version, groups, memberships, certificate_templates, settings,
    group_requirements TO {{MEMBER}};
GRANT INSERT, DELETE ON group_requirements TO {{MEMBER}};
GRANT SELECT (id, email, name, manager_id, deleted, language, db_login, created_at, updated_at)
    ON users TO {{MEMBER}};
GRANT INSERT ON groups, users, memberships, certificate_templates, settings TO {{MEMBER}};
GRANT UPDATE (deleted, updated_at) ON users TO {{MEMBER}};
GRANT UPDATE (value, updated_at, updated_by) ON settings TO {{MEMBER}};
GRANT SELECT ON schema_version, settings TO {{RELAY}};
GRANT SELECT (id, email, name, deleted, language) ON users TO {{RELAY}};
GRANT USAGE ON SCHEMA cd_api TO {{MEMBER}}, {{RELAY}};
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA cd_api TO {{MEMBER}};
GRANT EXECUTE ON FUNCTION cd_api.me(), cd_api.relay_claim(TEXT, TIMESTAMPTZ, TEXT, TIMESTAMPTZ,
    TIMESTAMPTZ), cd_api.relay_sent(BIGINT, TIMESTAMPTZ), cd_api.relay_failed(BIGINT, TEXT, TEXT,
    TIMESTAMPTZ, TIMESTAMPTZ, TEXT), cd_api.relay_defer(TEXT, TIMESTAMPTZ, TIMESTAMPTZ,
    TIMESTAMPTZ), cd_api.relay_next_due(), cd_api.email(BIGINT), cd_api.outbox_counts(),
    cd_api.send_reminders(DATE, BOOLEAN, DATE, BIGINT, INTEGER)
    TO {{RELAY}};
