-- The printed lists of the plenary week (plenary/PrintedLists): the 交办单 of a unit and the
-- 立案目录 of a session read only these views, one per table of another module, as V25's do.
create view plenary_proposals as
    select id, session_id, serial_no, number, title, proposer, category, status, key_proposal, filed_at
    from proposals;

create view plenary_co_proposers as
    select proposal_id, position, user_id, state
    from co_proposers;

create view plenary_unit_assignments as
    select id, proposal_id, unit_code, role, status, assigned_at, deadline
    from unit_assignments;
