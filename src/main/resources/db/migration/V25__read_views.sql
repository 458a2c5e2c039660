-- The read contract of the report and dossier modules (issue 12): report/ReportQueries reads only
-- the report_ views, dossier/ProposalList (the list of proposals) only the dossier_ views, never the
-- tables of the modules that own them. A module that changes its table must keep these views
-- working: the migration of that change redefines them (PostgreSQL refuses to drop or retype a
-- column a view reads, so drop the view first and create it again with the same columns).
--
-- Each view selects the columns its queries use from one table, nothing else: no joins, no
-- conditions, no aggregates. PostgreSQL inlines such a view, so the plans stay those of the queries
-- on the tables. H2 (2.3) does not inline views: it runs the view's query at each access, with the
-- conditions on its columns passed in, so the same indexes serve but each access costs a query.
-- On PostgreSQL the application's user may only read them (R__application_user). Portable SQL:
-- runs unchanged on H2 and PostgreSQL.

-- Reports (report/ReportQueries).
create view report_proposals as
    select id, session_id, serial_no, number, title, proposer, proposer_type, category, status, converted_to,
           created_at, filed_at, closed_at
    from proposals;

create view report_co_proposers as
    select proposal_id, user_id, state
    from co_proposers;

create view report_unit_assignments as
    select id, proposal_id, unit_code, role, status, round, deadline, initial_deadline
    from unit_assignments;

create view report_replies as
    select id, assignment_id, round, status, classification, sent_at, rating
    from replies;

create view report_consultations as
    select assignment_id, method
    from consultations;

-- The list of proposals, GET /api/proposals and the page /proposals (dossier/ProposalList).
create view dossier_proposals as
    select id, session_id, serial_no, number, title, proposer, category, status, key_proposal, supervisor,
           converted_to, created_at, filed_at, closed_at
    from proposals;

create view dossier_sessions as
    select id, code
    from sessions;

create view dossier_co_proposers as
    select proposal_id, user_id, state
    from co_proposers;

create view dossier_unit_assignments as
    select id, proposal_id, unit_code, role, status, round, deadline, initial_deadline
    from unit_assignments;

create view dossier_replies as
    select id, assignment_id, round, status, classification, sent_at, rating
    from replies;

create view dossier_consultations as
    select assignment_id, method
    from consultations;
