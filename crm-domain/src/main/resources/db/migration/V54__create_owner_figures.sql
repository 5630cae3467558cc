-- The published run's dashboard figures per owner, so that a rep's or a manager's dashboard adds up a few hundred
-- stored rows instead of going over their customers' rows of the run on every request. Written by the run when it
-- is published and rewritten for the owners whose customers move (reassignment, import); a manager's figures are
-- the sum over the owners of their teams. No foreign keys, like the other per-run aggregates.

-- One row per run whose per-owner figures are complete; a run without one is aggregated on reading.
CREATE TABLE owner_figure_runs (
    run_id          BIGINT PRIMARY KEY,
    computed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    compute_millis  BIGINT NOT NULL
);

-- Customers and money per owner and per tier, RFM segment, recency and frequency score and tier in the previous
-- run (null for customers new in this run): the scoped dashboard's tiers, segments, heat map and migration.
CREATE TABLE owner_figures (
    run_id          BIGINT           NOT NULL,
    owner_id        BIGINT           NOT NULL,
    tier            VARCHAR(40)      NOT NULL,
    rfm_segment     VARCHAR(30),
    r_score         SMALLINT,
    f_score         SMALLINT,
    previous_tier   VARCHAR(40),
    customers       BIGINT           NOT NULL,
    revenue         DOUBLE PRECISION NOT NULL,
    profit          DOUBLE PRECISION NOT NULL,
    clv_predicted   DOUBLE PRECISION NOT NULL,
    buyers          BIGINT           NOT NULL,
    repeat_buyers   BIGINT           NOT NULL,
    buyer_revenue   DOUBLE PRECISION NOT NULL
);

CREATE INDEX ix_owner_figures_run_owner ON owner_figures (run_id, owner_id);

-- Each owner's customers ranked by revenue, largest first, in a thousand bands (band n holds the ranks r with
-- ceil(1000 r / customers) = n): every tenth band ends a point of the owner's Lorenz curve, and narrow bands merge
-- into a team's curve closely.
CREATE TABLE owner_revenue_bands (
    run_id      BIGINT           NOT NULL,
    owner_id    BIGINT           NOT NULL,
    band_no     INTEGER          NOT NULL,
    customers   BIGINT           NOT NULL,
    revenue     DOUBLE PRECISION NOT NULL,
    CONSTRAINT pk_owner_revenue_bands PRIMARY KEY (run_id, owner_id, band_no)
);
