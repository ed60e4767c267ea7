-- What `certdesk-cli setup` of the previous release did before its rules
-- (security.sql), as the superuser, in one transaction. {{DATABASE}} is the
-- database's name, quoted. The upgrade test replays it; see README.md.
CREATE ROLE {{OWNER}} NOLOGIN CREATEROLE;
CREATE ROLE {{MEMBER}} NOLOGIN;
CREATE ROLE {{RELAY}} NOLOGIN;
REVOKE ALL ON DATABASE {{DATABASE}} FROM PUBLIC;
GRANT CONNECT ON DATABASE {{DATABASE}} TO {{MEMBER}}, {{RELAY}};
GRANT CONNECT ON DATABASE {{DATABASE}} TO {{OWNER}};
ALTER SCHEMA public OWNER TO {{OWNER}};
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO {{MEMBER}}, {{RELAY}};
DO $$
DECLARE
    t TEXT;
BEGIN
    FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'public' AND c.relkind = 'r' LOOP
        EXECUTE format('ALTER TABLE %I OWNER TO %I', t, {{OWNER_NAME}});
    END LOOP;
END
$$;
SET LOCAL client_min_messages = warning;
SET LOCAL ROLE {{OWNER}};
