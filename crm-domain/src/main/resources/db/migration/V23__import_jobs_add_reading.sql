-- Data import: how a job reads dates not written year first (day or month first) and the decimal mark of amounts,
-- as the admin chose it (AUTO: decided by the file) and as decided, with the value of the file the decision rests on.
-- Kept with the job, so that a dry run's commit reads the file the same way and the report can say why.
-- Portable between PostgreSQL 15+ and H2 2.x in PostgreSQL mode.

ALTER TABLE import_jobs ADD COLUMN date_order VARCHAR(16) NOT NULL DEFAULT 'AUTO';
ALTER TABLE import_jobs ADD COLUMN decimal_mark VARCHAR(16) NOT NULL DEFAULT 'AUTO';
ALTER TABLE import_jobs ADD COLUMN dates_read_as VARCHAR(16);
ALTER TABLE import_jobs ADD COLUMN dates_basis VARCHAR(16);
ALTER TABLE import_jobs ADD COLUMN date_example VARCHAR(100);
ALTER TABLE import_jobs ADD COLUMN date_example_row BIGINT NOT NULL DEFAULT 0;
ALTER TABLE import_jobs ADD COLUMN decimals_read_as VARCHAR(16);
ALTER TABLE import_jobs ADD COLUMN decimals_basis VARCHAR(16);
ALTER TABLE import_jobs ADD COLUMN decimal_example VARCHAR(100);
ALTER TABLE import_jobs ADD COLUMN decimal_example_row BIGINT NOT NULL DEFAULT 0;
