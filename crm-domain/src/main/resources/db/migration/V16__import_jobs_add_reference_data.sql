-- Data import: whether a customer import adds an industry or region it does not know as a new entry (instead of
-- refusing the row); kept with the job, so that a dry run's commit does the same.
-- Portable between PostgreSQL 15+ and H2 2.x in PostgreSQL mode.

ALTER TABLE import_jobs ADD COLUMN adds_reference_data BOOLEAN NOT NULL DEFAULT FALSE;
