-- The proposal list as a working tool of the plenary week (issue 15): dossier/ProposalList filters
-- by proposer type too. "create or replace" with the new column last keeps the view's privileges on
-- PostgreSQL (R__application_user granted them; a dropped view would lose them). Portable SQL.
create or replace view dossier_proposals as
    select id, session_id, serial_no, number, title, proposer, category, status, key_proposal, supervisor,
           converted_to, created_at, filed_at, closed_at, proposer_type
    from proposals;
