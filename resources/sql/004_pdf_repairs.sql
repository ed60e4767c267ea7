-- CertDesk schema, version 4: PDFs repaired on import (README "Untrusted
-- PDFs"). Same rules as 001: dialect tokens, one statement per line-ending ';'.

-- When the PDF reader had to repair an upload, pdf_sha256 names the repaired
-- file that is stored; uploaded_sha256 is the SHA-256 of the file as it was
-- uploaded (duplicate detection and history use it too) and pdf_repairs
-- what was repaired, as comma-separated codes (leading-bytes, encryption,
-- cross-reference, structure, page-tree). Both NULL: the file is stored as uploaded.
ALTER TABLE certificates ADD COLUMN uploaded_sha256 TEXT CHECK (uploaded_sha256 IS NULL OR length(uploaded_sha256) = 64);
ALTER TABLE certificates ADD COLUMN pdf_repairs TEXT CHECK (pdf_repairs IS NULL OR length(pdf_repairs) BETWEEN 1 AND 100);
CREATE INDEX certificates_uploaded ON certificates(uploaded_sha256);
