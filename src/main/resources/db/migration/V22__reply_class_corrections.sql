-- Rule 7: the office may correct a sent reply's class, with a reason. The reply keeps the class the
-- unit gave (original_classification, set at the first correction); classification is the class
-- that counts (reports, ranking, follow-up).
alter table replies add column original_classification varchar(4);
alter table replies add column class_corrected_by varchar(64);
alter table replies add column class_corrected_at timestamp with time zone;
alter table replies add column class_correction_reason varchar(2000);
