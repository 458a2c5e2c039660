-- The audit trail (issue 5). Portable SQL: runs unchanged on H2 and PostgreSQL.
--
-- One row per recorded action, written in the transaction of the change it records. Rows are only
-- ever inserted (the application has no update or delete path; on PostgreSQL V21 refuses them).
-- Each row carries the SHA-256 of its own canonical serialisation and of the row before it
-- (audit/AuditHash), so an edited or deleted row breaks the chain at that row.
create table audit_events (
    seq         bigint        primary key,
    occurred_at timestamp with time zone not null,
    actor       varchar(64)   not null,
    actor_roles varchar(1000),
    action      varchar(64)   not null,
    action_name varchar(200)  not null,
    proposal_id bigint,
    unit_code   varchar(32),
    subject     varchar(200),
    client_ip   varchar(64)   not null,
    detail      varchar(4000),
    prev_hash   varchar(64)   not null,
    hash        varchar(64)   not null
);
-- Search (audit/AuditEvents): newest first within each filter, without sorting.
create index ix_audit_events_at on audit_events (occurred_at, seq);
create index ix_audit_events_actor on audit_events (actor, occurred_at, seq);
create index ix_audit_events_proposal on audit_events (proposal_id, occurred_at, seq);
create index ix_audit_events_unit on audit_events (unit_code, occurred_at, seq);
create index ix_audit_events_action on audit_events (action, occurred_at, seq);

-- The head of the chain: one row, locked (select ... for update) by every appending transaction
-- until it commits, so that appends form one chain with gap-free, strictly increasing seq.
create table audit_chain_head (
    id        integer     primary key,
    last_seq  bigint      not null,
    last_hash varchar(64) not null
);
insert into audit_chain_head (id, last_seq, last_hash)
    values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- The office is told when the scheduled verification finds the chain broken.
insert into mail_templates (event, subject, body) values
    ('AUDIT_CHAIN_BROKEN', '审计记录校验未通过', '{recipientName}：

审计记录的定期校验发现记录链在第{brokenSeq}条记录处断开（共校验{checked}条）：该条记录或其前一条记录可能被修改或删除。请立即通知审计人员和系统管理员核查。

{link}');
