-- When someone asked a running import or run to stop: the worker stops at its next check, and
-- a worker that has not answered some time after is cancelled without it (its late writes are
-- refused, since it finishes only while the row is still RUNNING and not asked to stop).
ALTER TABLE import_jobs ADD COLUMN cancel_requested_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE segmentation_runs ADD COLUMN cancel_requested_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE segmentation_runs DROP CONSTRAINT ck_segmentation_runs_status;
ALTER TABLE segmentation_runs ADD CONSTRAINT ck_segmentation_runs_status
    CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'));
