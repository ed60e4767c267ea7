-- CertDesk schema, version 6: requirements and the compliance picture
-- (README "Rules", Requirements and compliance). Same rules as 001: dialect
-- tokens, one statement per line-ending ';'.

-- A template (R6) every member of a group, and of its sub-groups, must hold.
-- Part of the directory: readable by every member, written by platform
-- admins and the admins of the group (or of a group above it).
CREATE TABLE group_requirements (
    group_id BIGINT NOT NULL REFERENCES groups(id),
    template_id BIGINT NOT NULL REFERENCES certificate_templates(id),
    created_at {{TS}} NOT NULL,
    created_by BIGINT REFERENCES users(id),
    PRIMARY KEY (group_id, template_id)
);
CREATE INDEX group_requirements_template ON group_requirements(template_id, group_id);

-- The compliance picture asks, for a person and a template, for the best
-- certificate associated with it.
CREATE INDEX certificates_owner_template ON certificates(owner_id, template_id);
