-- Large objects are no part of CertDesk (PDFs are rows of pdf_blobs, checked
-- by cd_check_blob), but PostgreSQL lets every role of a database create,
-- write and read them: a member could fill the disk with lo_from_bytea or
-- lowrite, around the platform's size limit. Applied by every
-- `certdesk-cli setup`, as the superuser, after the server's rules (README
-- "Deploying on PostgreSQL", CLI.md "setup"); pg_catalog belongs to each
-- database, so this changes this database only. Running it twice changes
-- nothing. Superusers keep every large-object function (they bypass
-- privileges); lo_import and lo_export on the server's files are theirs
-- alone already.
--
-- The functions of PostgreSQL 15's pg_catalog (SELECT oid::regprocedure FROM
-- pg_proc WHERE proname LIKE 'lo\_%' OR proname IN ('loread', 'lowrite')),
-- each revoked where it exists (a later PostgreSQL may drop one; one it adds
-- belongs in this list).
DO $$
DECLARE
    f TEXT;
BEGIN
    FOREACH f IN ARRAY ARRAY[
        'lo_creat(integer)', 'lo_create(oid)', 'lo_from_bytea(oid,bytea)',
        'lo_import(text)', 'lo_import(text,oid)', 'lo_export(oid,text)',
        'lo_open(oid,integer)', 'lo_close(integer)', 'loread(integer,integer)',
        'lowrite(integer,bytea)', 'lo_lseek(integer,integer,integer)',
        'lo_lseek64(integer,bigint,integer)', 'lo_tell(integer)', 'lo_tell64(integer)',
        'lo_truncate(integer,integer)', 'lo_truncate64(integer,bigint)', 'lo_unlink(oid)',
        'lo_get(oid)', 'lo_get(oid,bigint,integer)', 'lo_put(oid,bigint,bytea)']
    LOOP
        IF to_regprocedure('pg_catalog.' || f) IS NOT NULL THEN
            EXECUTE format('REVOKE EXECUTE ON FUNCTION pg_catalog.%s FROM PUBLIC', f);
        END IF;
    END LOOP;
END
$$;
