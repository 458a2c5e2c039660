-- PostgreSQL only: what the application's database user may do with the tables the migrations create.
--
-- Flyway runs the migrations as the owner of the schema's tables (spring.flyway.user, DB_OWNER_USER);
-- the application connects as another user (spring.datasource.username, DB_USER; the placeholder
-- app-user). Only an owner may ALTER a table, so the application's user can neither disable the
-- append-only triggers of audit_events (V21) nor change a row: it reads and appends the trail, and
-- of the chain's head updates only the last record's seq and hash, not where the plain SHA-256
-- records end (V23).
--
-- Repeatable: Flyway runs it again whenever its text with the placeholders replaced changes, e.g.
-- when DB_USER names another user. When both users are one (the demo, a simple installation), it
-- grants nothing: that user owns everything, and the triggers protect the trail only from mistakes.
do $$
declare
    app    constant text := '${app-user}';
    schema constant text := current_schema();
    item   record;
begin
    if app = current_user then
        raise notice 'The application connects as the owner of the tables (%): nothing to grant', app;
        return;
    end if;

    -- The engine creates its own tables (ACT_*) on the first start, as the application's user
    -- (camunda.bpm.database.schema-update), which then owns them.
    execute format('grant usage, create on schema %I to %I', schema, app);

    -- Every other table of the owner: the project's, and the engine's when an installation of one
    -- user was split into two (then the owner made them).
    for item in select tablename from pg_tables
            where schemaname = schema and tableowner = current_user
              and tablename not in ('${flyway:table}', 'audit_events', 'audit_chain_head') loop
        execute format('grant select, insert, update, delete on table %I.%I to %I', schema, item.tablename, app);
    end loop;
    -- Identity columns need no privilege on their sequence; a serial column's needs USAGE.
    for item in select sequencename from pg_sequences where schemaname = schema and sequenceowner = current_user loop
        execute format('grant usage, select on sequence %I.%I to %I', schema, item.sequencename, app);
    end loop;

    -- The read views of the report and dossier modules (V25): read only. pg_tables lists no views;
    -- the default privileges below cover views too, but on a new database they come after V25, and
    -- they would let the user write through a view (a simple view is updatable).
    for item in select viewname from pg_views where schemaname = schema and viewowner = current_user loop
        execute format('revoke all on table %I.%I from %I', schema, item.viewname, app);
        execute format('grant select on table %I.%I to %I', schema, item.viewname, app);
    end loop;

    -- The audit trail: read and append, nothing else.
    execute format('revoke all on table %I.audit_events, %I.audit_chain_head from %I', schema, schema, app);
    execute format('grant select, insert on table %I.audit_events to %I', schema, app);
    execute format('grant select, update (last_seq, last_hash) on table %I.audit_chain_head to %I', schema, app);

    -- Tables and sequences of later migrations (created by the owner) get the same as the project's
    -- tables above; a migration that adds an append-only table revokes what it must not have.
    execute format('alter default privileges in schema %I grant select, insert, update, delete on tables to %I',
            schema, app);
    execute format('alter default privileges in schema %I grant usage, select on sequences to %I', schema, app);
end;
$$;
