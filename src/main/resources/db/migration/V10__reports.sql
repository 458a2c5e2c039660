-- Reports (issue 6). Portable SQL: runs unchanged on H2 and PostgreSQL.

-- "On-time reply rate = those whose first reply was sent by their deadline" (DOMAIN.md): the first
-- reply is due by the deadline set at assignment, but handling again after DISSATISFIED (Rule 9)
-- moves unit_assignments.deadline. Keep the first one. Rows of round 1 still have it; rows already
-- handled again have lost it, and the reports fall back to their current deadline.
alter table unit_assignments add column initial_deadline date;
update unit_assignments set initial_deadline = deadline where round = 1;

-- A year's or a date range's report finds its proposals by the day they were submitted and filed
-- (report/ReportPeriod).
create index ix_proposals_created_at on proposals (created_at);
create index ix_proposals_filed_at on proposals (filed_at);
