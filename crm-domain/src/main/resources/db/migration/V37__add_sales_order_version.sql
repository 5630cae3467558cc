-- Orders are now edited and cancelled in the application: a version for optimistic locking. Imports that change an
-- order raise it too, so that a user editing the order meanwhile sees the conflict instead of overwriting it.
ALTER TABLE sales_orders ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
