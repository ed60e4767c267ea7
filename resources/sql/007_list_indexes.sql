-- CertDesk schema, version 7: indexes in the orders the lists read (README
-- "Performance"). Same rules as 001: dialect tokens, one statement per
-- line-ending ';'. Each index matches its list's WHERE and ORDER BY exactly,
-- so that a first page reads one screen of rows instead of sorting them all.

-- The Users page and the Compliance page (DirectoryService::userPage,
-- ComplianceStore::peopleSql): current or deleted people by lower(name), then
-- id; the Users page sorted by email likewise.
CREATE INDEX users_list_lower_name ON users(deleted, lower(name), id);
CREATE INDEX users_list_lower_email ON users(deleted, lower(email), id);

-- A person's Results by soonest expiration, those without one last
-- (CertificateStore::list, cd_api.certificate_list): the same COALESCE as
-- the query, on both dialects.
CREATE INDEX certificates_owner_expiry ON certificates(owner_id, COALESCE(expires_on, '9999-12-31'), id);

-- The status chips' counts (CertificateStore::counts, cd_api.certificate_counts):
-- every column the status shown is computed from, after the owner, so that a
-- person's certificates are counted from the index alone, without reading
-- each row of the table.
CREATE INDEX certificates_owner_status ON certificates(owner_id, status, expires_on, revoked_at, renewed_by_id);
