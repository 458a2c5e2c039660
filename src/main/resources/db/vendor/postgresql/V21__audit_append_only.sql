-- PostgreSQL only (spring.flyway.locations: db/vendor/{vendor}): the audit trail is append-only in
-- the database too. UPDATE, DELETE and TRUNCATE of audit_events are refused whoever asks, the
-- application's own user included; only a superuser who drops or disables the triggers can change
-- a row, and the hash chain then shows it (GET /api/audit/verify).
create function audit_events_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit_events is append-only: % refused', tg_op using errcode = '42501';
end;
$$;

create trigger audit_events_no_update_or_delete
    before update or delete on audit_events
    for each row execute function audit_events_refuse_change();

create trigger audit_events_no_truncate
    before truncate on audit_events
    for each statement execute function audit_events_refuse_change();
