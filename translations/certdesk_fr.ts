<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CertificatePdf</name>
    <message>
        <source>This certifies that</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has successfully completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorised signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CertificateService</name>
    <message>
        <source>Give the certificate a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate name is too long: %1 characters, at most %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate name contains control characters (such as line breaks): remove them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the delivery date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The delivery date %1 is in the future: a certificate is delivered on or before today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The delivery date %1 is too far in the past.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The expiration date %1 is before the delivery date %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credits must be a number from 0 to 10000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credits feature is off on this platform: leave credits out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This PDF was already imported as &quot;%1&quot; (delivered %2): nothing was imported twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate template %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start writing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate could not be saved, nothing was written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no certificate %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This certificate has no PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF of this certificate is missing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>&apos;%1&apos; acts as a user: add --as EMAIL (the password comes from %2 or a prompt).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--db is empty: give a SQLite file path or a postgresql://user@host:port/dbname URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no database at %1: create one with &apos;certdesk-cli --db %1 init&apos; (or &apos;demo&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no CertDesk data yet: run &apos;certdesk-cli --db %1 init&apos; (or &apos;demo&apos;) first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has schema version %2 and this certdesk-cli needs version %3: run &apos;certdesk-cli --db %1 init&apos; to upgrade it; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for %1 on %2: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try &apos;%1 %2 --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try &apos;%1 --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 &quot;%2&quot; is not a date: write it as YYYY-MM-DD, for example %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 &quot;%2&quot; is not a number: write it like 2 or 1.5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite file or postgresql://user@host:port/dbname (default: $%1, else %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Act as this user; password from $%1, else asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON instead of text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help (&apos;certdesk-cli help COMMAND&apos; for one command)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: %1 [--db LOCATION] [--as EMAIL] [--json] COMMAND [ARGS]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CertDesk from the command line: the same rules and services as the desktop application, for scripts and administrators.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global options (before or after the command):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit status: 0 done; 1 refused (one line on stderr says why; nothing was written); 2 usage error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: %1 [GLOBAL OPTIONS] %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs --as EMAIL (the acting user).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CliCertificateCommands</name>
    <message>
        <source>There is no file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder: give a PDF file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import an external certificate (a PDF) for yourself or someone in your scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file must be a PDF that opens without a password, with at least one page, within the size limit (setting pdf.max-size-mb). With validation off the certificate is accepted at once; with validation on it waits for the reviewers, who are listed. Nothing is written when the import is refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery date (today or earlier)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiration date (default: does not expire)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import for this user (default: yourself)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Associate an internal certificate template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credits (when the credits feature is on)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List your certificates, or those of a user in your scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whose certificates (default: yours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported certificate %1 &quot;%2&quot; for %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: pending validation (task %2), but nobody can review it yet: ask a platform admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: pending validation (task %2) by %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OWNER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DELIVERED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EXPIRES</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TEMPLATE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CREDITS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No certificates.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CliDirectoryCommands</name>
    <message>
        <source>Add a group (under the platform group, or under --parent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform admins add groups anywhere; a group admin adds sub-groups of the groups they administer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The parent group (default: the platform group)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a user, with their groups, roles and manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ROLE is admin, coach or learner; --member may be repeated, one role per group. Without --password the user cannot sign in yet. Platform admins add anyone; group admins add members to their groups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A group and the role in it (repeatable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their language (default: en)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete a user (kept, listed by &apos;users --deleted&apos;; cannot sign in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore a deleted user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the users in your scope (current, or deleted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List deleted users instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--parent is empty: name the parent group, or leave --parent out for the platform group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added group &quot;%1&quot; under &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--member &quot;%1&quot; is not GROUP:ROLE, where ROLE is admin, coach or learner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--password is empty: give a password, or leave --password out (the user then cannot sign in yet).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--manager is empty: give the manager&apos;s email, or leave --manager out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added user %1, groups: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; manager: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted user %1: kept with their results, can no longer sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored user %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EMAIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MANAGER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GROUPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No deleted users.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No users.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CliReviewCommands</name>
    <message>
        <source>List the open validation tasks you may review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks assigned to you (platform admins: every task but those on their own certificates). With --all, decided tasks too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include validated and rejected tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validate or reject a pending certificate, optionally correcting it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TASK is the number &apos;tasks&apos; shows. A rejection needs --comment, which the owner receives. If another reviewer decided first, nothing is changed and you are told who.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validate the certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject the certificate (needs --comment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment for the owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the certificate name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the delivery date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the expiration date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the expiration date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Associate an internal certificate template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the associated template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List your notifications, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only unread notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TASK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CERTIFICATE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OWNER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DELIVERED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EXPIRES</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STATE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SENT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No validation tasks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a task number: use a number that &apos;certdesk-cli tasks&apos; shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validated task %1: &quot;%2&quot; of %3 is now validated; %4 is notified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected task %1: &quot;%2&quot; of %3 is now rejected; %4 is notified with your comment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DATE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>READ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TITLE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No unread notifications.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notifications.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CliSetupCommands</name>
    <message>
        <source>Create or upgrade the database schema; optionally add the first platform admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creates the database (a SQLite file is created if missing; a PostgreSQL database must exist) or upgrades its schema, and says which. With --admin, also adds the first platform admin, only while the database has no users; the password comes from $%1 or is asked twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first platform admin&apos;s email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first platform admin&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill an empty database with a demo organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creates the schema if needed, then adds groups, about 30 users of every role, templates and certificates in every state. Refused when the database already has users. Every demo password is &quot;%1&quot;; the platform admin is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the platform settings, one setting, or change one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys: import.enabled (R1), validation.required (R2), validation.reviewers (group-admins or managers, R3), credits.enabled, pdf.max-size-mb (1 to %1). Switches take on or off. Only platform admins change settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the internal certificate templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already has users, so its first platform admin exists: add people with &apos;certdesk-cli --as ADMIN user add&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password for %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created the CertDesk schema (version %1) in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgraded %1 from schema version %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is up to date (schema version %2); nothing to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added the first platform admin %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already has users: &apos;demo&apos; fills only an empty database (give a new file with --db).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filled %1 with demo data: %2 groups, %3 users, %4 templates, %5 certificates (%6 validation tasks).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in as %1 with the password &quot;%2&quot; (every demo user has it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown setting &quot;%1&quot;. Known settings: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KEY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VALUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DESCRIPTION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VALIDITY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not expire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No certificate templates.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>no command given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &apos;%1 %2&apos; (try one of: %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown option &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown option &apos;%1&apos; for &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>option &apos;%1&apos; takes no value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>option &apos;%1&apos; needs a value (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>option &apos;%1&apos; is given twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos; for &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs the option %2 %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs one of the options %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the options %1 cannot be used together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the options %1 go together: give all of them or none.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The PostgreSQL driver (QPSQL) is not installed: install libqt6sql6-psql.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no database at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder, not a database file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a CertDesk database (or it is damaged): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a CertDesk database (or it is damaged).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was written by a newer CertDesk (schema version %2; this program knows up to version %3). Install a newer CertDesk to open it; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not prepare the database for its schema: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration %1 is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema migration %1 (%2) failed, nothing was changed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema migration %1 could not be recorded: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown database error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabaseLocation</name>
    <message>
        <source>&quot;%1&quot; is not a database location: give a SQLite file path or a postgresql://user@host:port/dbname URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PostgreSQL URL &quot;%1&quot; is malformed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PostgreSQL URL &quot;%1&quot; names no database: add /dbname at the end.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoData</name>
    <message>
        <source>This database already has users: the demo fills only an empty database.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DirectoryService</name>
    <message>
        <source>An email address is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an email address (expected name@example.org).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name is too long: %1 characters, at most %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name contains control characters (such as line breaks): remove them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is too short: use at least 4 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database already has users: the first platform admin exists. Ask a platform admin to add you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email address or the password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account has been deleted: it can no longer sign in. Ask an admin to restore it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform group is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A group named &quot;%1&quot; already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a supported language: use en or fr.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A user with the address %1 already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is deleted and cannot be a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is named twice: a user has one role per group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only platform admins can add a user outside any group; name a group you administer with --member GROUP:ROLE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no user %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no user with the address %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account is deleted or unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no group named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no certificate template named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The validity cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A template named &quot;%1&quot; already exists.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Domain</name>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>Coach</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Apprenant</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Interne</translation>
    </message>
    <message>
        <source>External</source>
        <translation>Externe</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepté</translation>
    </message>
    <message>
        <source>Pending validation</source>
        <translation>En attente de validation</translation>
    </message>
    <message>
        <source>Validated</source>
        <translation>Validé</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation>Expire bientôt</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expiré</translation>
    </message>
    <message>
        <source>Certificate validation: %1</source>
        <translation>Validation de certificat : %1</translation>
    </message>
    <message>
        <source>Your certificate &quot;%1&quot; was validated</source>
        <translation>Votre certificat « %1 » a été validé</translation>
    </message>
    <message>
        <source>Your certificate &quot;%1&quot; was rejected</source>
        <translation>Votre certificat « %1 » a été refusé</translation>
    </message>
    <message>
        <source>%1 sent the external certificate &quot;%2&quot; for validation.</source>
        <translation>%1 a envoyé le certificat externe « %2 » pour validation.</translation>
    </message>
    <message>
        <source>%1 validated your external certificate &quot;%2&quot;.</source>
        <translation>%1 a validé votre certificat externe « %2 ».</translation>
    </message>
    <message>
        <source>%1 rejected your external certificate &quot;%2&quot;.</source>
        <translation>%1 a refusé votre certificat externe « %2 ».</translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation>Commentaire : %1</translation>
    </message>
</context>
<context>
    <name>LocationDialog</name>
    <message>
        <source>Choose the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A SQLite file on this computer, or a shared PostgreSQL server as postgresql://user@host:port/dbname.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/path/to/team.sqlite or postgresql://…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse for a SQLite file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a CertDesk database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CertDesk databases (*.sqlite *.sqlite3 *.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>CertDesk — %1</source>
        <translation>CertDesk — %1</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>CertDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Profile menu of %1</source>
        <translation>Menu du profil de %1</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>Connecté en tant que %1 (%2)</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Connecté en tant que %1</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n unread</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotificationService</name>
    <message>
        <source>There is no user %1 to notify.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open CertDesk, then Notifications &gt; Certificate Validation, to review it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open CertDesk, then Results, to see it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationsPage</name>
    <message>
        <source>Mark as read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the selected notification as read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notification details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notifications could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing here yet: validation requests and review outcomes appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notification could not be marked as read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unread: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a notification to read it; opening it marks it read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordPrompt</name>
    <message>
        <source>No password given: type it when asked, or set %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type it again: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfCheck</name>
    <message>
        <source>The file is %1, larger than the %2 limit. Make it smaller (for example, scan it at a lower resolution or in black and white) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file “%1” could not be read: %2. Check that it still exists and that you may open it, then choose it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty (0 bytes). Choose the certificate PDF itself; if it was downloaded, download it again.</source>
        <translation>Le fichier est vide (0 octet). Choisissez le PDF du certificat lui-même ; s&apos;il a été téléchargé, téléchargez-le à nouveau.</translation>
    </message>
    <message>
        <source>The file is not a PDF document (it may be an image or a text file renamed to .pdf). Save or scan the certificate as a PDF and choose that file.</source>
        <translation>Le fichier n&apos;est pas un document PDF (c&apos;est peut-être une image ou un fichier texte renommé en .pdf). Enregistrez ou numérisez le certificat en PDF et choisissez ce fichier.</translation>
    </message>
    <message>
        <source>The PDF is protected by a password, so reviewers could not open it. Save a copy without the password (or ask the issuer for an unprotected copy) and choose that file.</source>
        <translation>Le PDF est protégé par un mot de passe : les valideurs ne pourraient pas l&apos;ouvrir. Enregistrez une copie sans mot de passe (ou demandez-en une à l&apos;émetteur) et choisissez ce fichier.</translation>
    </message>
    <message>
        <source>The PDF contains no pages. Choose the complete certificate, with at least one page.</source>
        <translation>Le PDF ne contient aucune page. Choisissez le certificat complet, avec au moins une page.</translation>
    </message>
    <message>
        <source>The PDF is damaged or incomplete and cannot be opened. Download or export the certificate again and choose the new file.</source>
        <translation>Le PDF est endommagé ou incomplet et ne peut pas être ouvert. Téléchargez ou exportez à nouveau le certificat et choisissez le nouveau fichier.</translation>
    </message>
    <message>
        <source>1 byte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlatformSettings</name>
    <message>
        <source>Learners can import certificates themselves</source>
        <translation>Les apprenants peuvent importer eux-mêmes des certificats</translation>
    </message>
    <message>
        <source>Validation of external certificates required</source>
        <translation>Validation des certificats externes requise</translation>
    </message>
    <message>
        <source>Reviewers: group-admins or managers</source>
        <translation>Valideurs : administrateurs de groupe ou managers</translation>
    </message>
    <message>
        <source>Credits feature</source>
        <translation>Fonction crédits</translation>
    </message>
    <message>
        <source>Largest PDF accepted, in MB</source>
        <translation>Taille maximale des PDF acceptés, en Mo</translation>
    </message>
    <message>
        <source>Unknown setting &quot;%1&quot;. Known settings: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a reviewer choice: use group-admins or managers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a size limit: give a whole number of MB from 1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a switch value: use on or off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the settings: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Policy</name>
    <message>
        <source>Your account is deleted or unknown: you cannot import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing certificates is switched off on this platform. A platform admin can switch it on in Settings.</source>
        <translation>L&apos;import de certificats est désactivé sur cette plateforme. Un administrateur de la plateforme peut l&apos;activer dans les Paramètres.</translation>
    </message>
    <message>
        <source>You may import certificates only for yourself and for the people you manage, coach or administer.</source>
        <translation>Vous ne pouvez importer des certificats que pour vous-même et pour les personnes que vous managez, coachez ou administrez.</translation>
    </message>
    <message>
        <source>You may see only your own certificates and those of the people you manage, coach or administer.</source>
        <translation>Vous ne pouvez voir que vos certificats et ceux des personnes que vous managez, coachez ou administrez.</translation>
    </message>
    <message>
        <source>Your account is deleted or unknown: you cannot review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody validates their own certificate.</source>
        <translation>Personne ne valide son propre certificat.</translation>
    </message>
    <message>
        <source>You are not a reviewer of this certificate.</source>
        <translation>Vous n&apos;êtes pas valideur de ce certificat.</translation>
    </message>
    <message>
        <source>There is no validation task %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only platform admins can change the platform&apos;s settings.</source>
        <translation>Seuls les administrateurs de la plateforme peuvent modifier ses paramètres.</translation>
    </message>
    <message>
        <source>Only platform admins, and admins of the parent group, can add groups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only admins of a group (or of a group above it) can add members to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot delete or restore your own account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only platform admins and the admins of this user&apos;s groups can delete or restore this user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account is deleted or unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While validation is required, only admins and managers associate a certificate template; the reviewer can do it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only platform admins can add certificate templates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send for validation</source>
        <translation>Envoyer pour validation</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Nobody can validate this certificate: no admin other than its owner is found in the owner&apos;s groups or above. Ask a platform admin to add another admin.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <source>My certificates</source>
        <translation>Mes certificats</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificat</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Délivré le</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expire le</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>No certificates yet.</source>
        <translation>Aucun certificat pour le moment.</translation>
    </message>
    <message>
        <source>Certificates you earn or import appear here. Importing a PDF certificate arrives in the next version of CertDesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your certificates could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (equivalent to %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does not expire</source>
        <translation>N&apos;expire pas</translation>
    </message>
    <message>
        <source>Your external and internal certificates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your %1 most recent certificates, newest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One certificate.</source>
        <translation>Un certificat.</translation>
    </message>
    <message>
        <source>%1 certificates, newest first.</source>
        <translation>%1 certificats, du plus récent au plus ancien.</translation>
    </message>
</context>
<context>
    <name>ReviewService</name>
    <message>
        <source>Your account is deleted or unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no validation task %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already %2 this certificate on %3; your decision was not applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why you reject this certificate: a comment is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 acted on this certificate first; your decision was not applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review could not be saved, nothing was written: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Choose another database with &quot;Change…&quot;, or create this one with: certdesk-cli --db &quot;%1&quot; init</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database has no users yet. Add the first platform admin with: certdesk-cli --db &quot;%1&quot; init --admin EMAIL --name NAME</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>The platform&apos;s settings, as every desktop sharing this database sees them. Changing them here arrives in the next version; until then a platform admin can use certdesk-cli settings KEY VALUE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Managers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group admins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsService</name>
    <message>
        <source>The setting could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInWindow</name>
    <message>
        <source>Sign in — CertDesk</source>
        <translation>Connexion — CertDesk</translation>
    </message>
    <message>
        <source>CertDesk logo</source>
        <translation>Logo de CertDesk</translation>
    </message>
    <message>
        <source>Sign in to CertDesk</source>
        <translation>Connexion à CertDesk</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Base de données :</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Changer…</translation>
    </message>
    <message>
        <source>Change the database</source>
        <translation>Changer de base de données</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>nom@exemple.org</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Show the password</source>
        <translation>Afficher le mot de passe</translation>
    </message>
    <message>
        <source>Hide the password</source>
        <translation>Masquer le mot de passe</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>Mot de &amp;passe</translation>
    </message>
    <message>
        <source>Sign-in error</source>
        <translation>Erreur de connexion</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>This file is the trust boundary: anyone who can read it can read everything in it.</source>
        <translation>Ce fichier est la limite de confiance : quiconque peut le lire peut lire tout ce qu&apos;il contient.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Connexion…</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The users could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only you: nobody else&apos;s results are yours to see.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 people whose results you may see.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>unknown language &quot;%1&quot;: use en or fr.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database: a SQLite file path or a postgresql://user@host:port/dbname URL (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language of the interface: en or fr.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import, review and browse external certificates.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
