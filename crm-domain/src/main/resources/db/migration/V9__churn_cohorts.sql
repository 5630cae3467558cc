-- Churn per tier as a cohort measure: of the customers who were in a tier in the previous run (and are still
-- customers), how many now have a probability of being alive below the threshold or dropped to the lowest tier a
-- buyer can be in. Customers who had never bought form no cohort. Portable between PostgreSQL and H2 (PostgreSQL
-- mode); no foreign keys, like the other run aggregates.

-- One row per tier of the previous run; tier_code is that run's tier.
CREATE TABLE run_churn_cohorts (
    run_id             BIGINT      NOT NULL,
    tier_code          VARCHAR(40) NOT NULL,
    customers          BIGINT      NOT NULL,
    below_threshold    BIGINT      NOT NULL,
    dropped_to_lowest  BIGINT      NOT NULL,
    churned            BIGINT      NOT NULL,
    CONSTRAINT pk_run_churn_cohorts PRIMARY KEY (run_id, tier_code)
);

-- The lowest tier the run's cohorts were counted against; NULL where no cohort churn was counted: the first run,
-- or aggregates computed before this migration (counted later while both runs' rows are kept).
ALTER TABLE run_aggregates ADD COLUMN churn_lowest_tier VARCHAR(40);
