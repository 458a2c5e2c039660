-- Indexes for the project's queries on tables that grow with proposals (issue 13). Portable SQL:
-- runs unchanged on H2 and PostgreSQL. PostgreSQL does not index a foreign key by itself (H2
-- does), so without these a look-up by them reads the whole table:
-- - a unit-handling process instance's assignment (UnitAssignmentRepository
--   .findFirstByProcessInstanceIdAndStatusNot: the steps of a unit, its notifications and jobs);
-- - an assignment's coordinations (loaded with the assignment: the dossier, the steps of handling
--   and feedback) and follow-ups (followup/FollowUpRecords: the dossier).
create index ix_unit_assignments_instance on unit_assignments (process_instance_id);
create index ix_coordinations_assignment on coordinations (assignment_id);
create index ix_follow_ups_assignment on follow_ups (assignment_id);
