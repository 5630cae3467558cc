-- Several instances on one database. A segmentation run and an import job are held by a lease that the instance
-- doing the work renews (who and until when); another instance recovers the work only once the lease has expired.
-- Work left running from before leases counts as expired at once. The shedlock table is ShedLock's: the scheduled
-- run fires on one instance only. Portable between PostgreSQL and H2 (PostgreSQL mode).

ALTER TABLE segmentation_runs ADD COLUMN lease_owner VARCHAR(300);
ALTER TABLE segmentation_runs ADD COLUMN lease_expires_at TIMESTAMP WITH TIME ZONE;
UPDATE segmentation_runs SET lease_expires_at = CURRENT_TIMESTAMP WHERE status = 'RUNNING';

ALTER TABLE import_jobs ADD COLUMN lease_owner VARCHAR(300);
ALTER TABLE import_jobs ADD COLUMN lease_expires_at TIMESTAMP WITH TIME ZONE;
UPDATE import_jobs SET lease_expires_at = CURRENT_TIMESTAMP WHERE status = 'RUNNING';

CREATE TABLE shedlock (
    name        VARCHAR(64)   NOT NULL,
    lock_until  TIMESTAMP     NOT NULL,
    locked_at   TIMESTAMP     NOT NULL,
    locked_by   VARCHAR(255)  NOT NULL,
    CONSTRAINT pk_shedlock PRIMARY KEY (name)
);
