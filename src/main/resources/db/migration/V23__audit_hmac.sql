-- The audit chain keyed with an HMAC (audit/AuditKey). Portable SQL: runs unchanged on H2 and PostgreSQL.
--
-- From now on each record's hash is HMAC-SHA256 with a key kept outside the database, so that
-- whoever can change rows cannot recompute the hashes. The records written before this migration
-- were chained with plain SHA-256 and stay as they are (audit_events is append-only): their seq
-- range ends here, at the head as it is now, and verification checks plain SHA-256 up to it and
-- HMAC after it. The application's database user cannot change this column (PostgreSQL:
-- R__application_user), and a new installation has 0: every record is keyed.
--
-- Stop every running instance before migrating: one of the previous version would go on appending
-- plain records after this boundary, which verification would then show as broken.
alter table audit_chain_head add column plain_until_seq bigint default 0 not null;
update audit_chain_head set plain_until_seq = last_seq;
