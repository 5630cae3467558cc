-- Per-run aggregates for the dashboard and the effect evaluation, computed set-based at the end of each run, so
-- that the pages read a few hundred rows however many customers there are. Kept for runs whose per-customer
-- rows were deleted, so the evaluation can look back further than the retained runs. No foreign keys, like
-- customer_segments. Portable between PostgreSQL and H2 (PostgreSQL mode).

-- One row per run whose aggregates exist; previous_run_id is the run the migration is measured against.
CREATE TABLE run_aggregates (
    run_id            BIGINT PRIMARY KEY,
    previous_run_id   BIGINT,
    churn_threshold   DOUBLE PRECISION NOT NULL,
    computed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    compute_millis    BIGINT NOT NULL
);

-- Customers and money per tier (dimension TIER) and per RFM segment (dimension RFM).
CREATE TABLE run_group_stats (
    run_id              BIGINT           NOT NULL,
    dimension           VARCHAR(10)      NOT NULL,
    group_code          VARCHAR(40)      NOT NULL,
    customers           BIGINT           NOT NULL,
    revenue             DOUBLE PRECISION NOT NULL,
    profit              DOUBLE PRECISION NOT NULL,
    clv_predicted_sum   DOUBLE PRECISION NOT NULL,
    buyers              BIGINT           NOT NULL,
    repeat_buyers       BIGINT           NOT NULL,
    churned             BIGINT           NOT NULL,
    satisfaction_sum    DOUBLE PRECISION NOT NULL,
    satisfaction_count  BIGINT           NOT NULL,
    CONSTRAINT pk_run_group_stats PRIMARY KEY (run_id, dimension, group_code),
    CONSTRAINT ck_run_group_stats_dimension CHECK (dimension IN ('TIER', 'RFM'))
);

-- The Lorenz curve: customers ranked by revenue, the cumulative shares at each percentile.
CREATE TABLE run_lorenz_points (
    run_id          BIGINT           NOT NULL,
    point_no        INTEGER          NOT NULL,
    customer_share  DOUBLE PRECISION NOT NULL,
    revenue_share   DOUBLE PRECISION NOT NULL,
    CONSTRAINT pk_run_lorenz_points PRIMARY KEY (run_id, point_no)
);

-- Customers and revenue per recency score and frequency score.
CREATE TABLE run_rfm_cells (
    run_id         BIGINT           NOT NULL,
    r_score        SMALLINT         NOT NULL,
    f_score        SMALLINT         NOT NULL,
    customers      BIGINT           NOT NULL,
    monetary_sum   DOUBLE PRECISION NOT NULL,
    CONSTRAINT pk_run_rfm_cells PRIMARY KEY (run_id, r_score, f_score)
);

-- How many customers moved from each tier of the previous run to each tier of this one (NEW, GONE).
CREATE TABLE run_migration_cells (
    run_id      BIGINT      NOT NULL,
    from_tier   VARCHAR(40) NOT NULL,
    to_tier     VARCHAR(40) NOT NULL,
    customers   BIGINT      NOT NULL,
    CONSTRAINT pk_run_migration_cells PRIMARY KEY (run_id, from_tier, to_tier)
);

-- The most valuable downgraded customers of each owner, so that every user's scoped list reads a few rows.
CREATE TABLE run_downgrades (
    run_id       BIGINT           NOT NULL,
    customer_id  BIGINT           NOT NULL,
    owner_id     BIGINT,
    from_tier    VARCHAR(40)      NOT NULL,
    to_tier      VARCHAR(40)      NOT NULL,
    from_rank    INTEGER          NOT NULL,
    abc_value    DOUBLE PRECISION NOT NULL,
    CONSTRAINT pk_run_downgrades PRIMARY KEY (run_id, customer_id)
);

CREATE INDEX ix_run_downgrades_owner ON run_downgrades (run_id, owner_id);

-- Each customer's gross profit to the as-of date, which the run reads anyway: the aggregates then need not scan
-- the orders again. NULL in runs made before this column existed.
ALTER TABLE customer_segments ADD COLUMN gross_profit DOUBLE PRECISION;
