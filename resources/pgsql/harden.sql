-- `certdesk-cli setup --harden-server` (CLI.md "setup"; README "Deploying on
-- PostgreSQL"): what PostgreSQL shows every role about the activity of the
-- others, taken away from PUBLIC in this database. Without it, any member
-- sees in pg_stat_activity who is connected, from where, since when and
-- (application_name) with what; in pg_locks which tables others' sessions
-- hold; in pg_stat_user_tables and pg_statio_* how many rows of each table
-- were inserted, updated or read, and when: a learner could watch reviewers
-- work, or count the imports of a department. Applied as the superuser after
-- the server's rules, by this setup and by every later one once the setting
-- server.hardened is on; running it twice changes nothing.
--
-- It changes catalogue grants, which every role of this database sees (not
-- only CertDesk's): the roles with pg_read_all_stats (pg_monitor, monitoring
-- tools) get the views and functions back by a grant of their own, and
-- superusers bypass privileges. Other databases of the server keep theirs:
-- pg_catalog belongs to each database (pg_stat_activity in the database
-- "postgres" still lists this database's sessions to whoever may connect
-- there; see CLI.md).
--
-- What stays visible by design: pg_roles (the logins are the directory's
-- emails, readable anyway), pg_class (reltuples and relpages estimate the
-- size of tables; psql and the Qt driver need pg_class), pg_relation_size
-- and pg_database_size, pg_settings, and pg_stats (PostgreSQL hides it for
-- tables under row-level security).

-- The views: every pg_stat_* and pg_statio_* view of pg_catalog, and pg_locks.
-- In PostgreSQL 15: pg_stat_activity, pg_stat_all_indexes, pg_stat_all_tables,
-- pg_stat_archiver, pg_stat_bgwriter, pg_stat_database,
-- pg_stat_database_conflicts, pg_stat_gssapi, pg_stat_progress_analyze,
-- pg_stat_progress_basebackup, pg_stat_progress_cluster,
-- pg_stat_progress_copy, pg_stat_progress_create_index,
-- pg_stat_progress_vacuum, pg_stat_recovery_prefetch, pg_stat_replication,
-- pg_stat_replication_slots, pg_stat_slru, pg_stat_ssl, pg_stat_subscription,
-- pg_stat_subscription_stats, pg_stat_sys_indexes, pg_stat_sys_tables,
-- pg_stat_user_functions, pg_stat_user_indexes, pg_stat_user_tables,
-- pg_stat_wal, pg_stat_wal_receiver, pg_stat_xact_all_tables,
-- pg_stat_xact_sys_tables, pg_stat_xact_user_functions,
-- pg_stat_xact_user_tables, pg_statio_all_indexes, pg_statio_all_sequences,
-- pg_statio_all_tables, pg_statio_sys_indexes, pg_statio_sys_sequences,
-- pg_statio_sys_tables, pg_statio_user_indexes, pg_statio_user_sequences,
-- pg_statio_user_tables. (Not pg_stats, pg_stats_ext, pg_stats_ext_exprs.)
DO $$
DECLARE
    v TEXT;
BEGIN
    FOR v IN SELECT c.relname FROM pg_class c
              WHERE c.relnamespace = 'pg_catalog'::regnamespace AND c.relkind = 'v'
                AND (c.relname LIKE 'pg\_stat\_%' OR c.relname LIKE 'pg\_statio\_%'
                     OR c.relname = 'pg_locks')
              ORDER BY c.relname
    LOOP
        EXECUTE format('REVOKE SELECT ON pg_catalog.%I FROM PUBLIC', v);
        EXECUTE format('GRANT SELECT ON pg_catalog.%I TO pg_read_all_stats', v);
    END LOOP;
END
$$;

-- The functions under those views, which anyone could call directly: every
-- pg_stat_get_* function of pg_catalog (pg_stat_get_activity, the
-- pg_stat_get_backend_* family, pg_stat_get_progress_info, the per-table
-- pg_stat_get_numscans, _tuples_*, _blocks_*, _last_*_time and _xact_*, the
-- per-database pg_stat_get_db_*, and the server-wide counters: 102 in
-- PostgreSQL 15), and the lock functions.
DO $$
DECLARE
    f REGPROCEDURE;
BEGIN
    FOR f IN SELECT p.oid::REGPROCEDURE FROM pg_proc p
              WHERE p.pronamespace = 'pg_catalog'::regnamespace
                AND (p.proname LIKE 'pg\_stat\_get\_%'
                     OR p.proname IN ('pg_lock_status', 'pg_blocking_pids',
                                      'pg_safe_snapshot_blocking_pids'))
              ORDER BY p.oid
    LOOP
        EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO pg_read_all_stats', f);
    END LOOP;
END
$$;

-- pg_stat_statements, when the extension is installed (in any schema): every
-- statement run on the server with its counts and times.
DO $$
DECLARE
    o RECORD;
BEGIN
    FOR o IN SELECT format('TABLE %I.%I', n.nspname, c.relname) AS name, 'SELECT' AS privilege
               FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE c.relname IN ('pg_stat_statements', 'pg_stat_statements_info')
                AND c.relkind = 'v'
             UNION ALL
             SELECT format('FUNCTION %s', p.oid::REGPROCEDURE), 'EXECUTE' FROM pg_proc p
              WHERE p.proname IN ('pg_stat_statements', 'pg_stat_statements_info')
    LOOP
        EXECUTE format('REVOKE ALL ON %s FROM PUBLIC', o.name);
        EXECUTE format('GRANT %s ON %s TO pg_read_all_stats', o.privilege, o.name);
    END LOOP;
END
$$;
