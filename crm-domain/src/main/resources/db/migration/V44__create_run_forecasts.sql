-- The sales forecast and holdout check of a published run (BG/NBD and Gamma-Gamma, seed 003's 销售预测), computed
-- once per run in the background when first asked for, and kept: reading every customer's facts twice takes tens of
-- seconds at a million customers, too long for a page. No foreign keys, like the other run tables.

-- One row per run: where the computation is (RUNNING, DONE or FAILED, with a message code), and the check's figures.
CREATE TABLE run_forecasts (
    run_id               BIGINT                   PRIMARY KEY,
    status               VARCHAR(10)              NOT NULL,
    started_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at          TIMESTAMP WITH TIME ZONE,
    error_code           VARCHAR(100),
    as_of                DATE,
    calibration_end      DATE,
    holdout_days         INTEGER,
    interval_level       DOUBLE PRECISION,
    fallback_used        BOOLEAN,
    holdout_customers    BIGINT,
    mean_absolute_error  DOUBLE PRECISION,
    correlation          DOUBLE PRECISION
);

-- The rows: FORECAST (the next horizon_days after the run, with an interval), BACKTEST (the forecast over the
-- holdout period against what happened) and HOLDOUT (predicted against actual repeat purchases per number of
-- calibration purchases, per tier and in total). group_by is tier, region, owner, repeats or total.
CREATE TABLE run_forecast_rows (
    run_id              BIGINT           NOT NULL,
    kind                VARCHAR(10)      NOT NULL,
    horizon_days        INTEGER          NOT NULL,
    group_by            VARCHAR(10)      NOT NULL,
    group_key           VARCHAR(60)      NOT NULL,
    customers           BIGINT           NOT NULL,
    expected_purchases  DOUBLE PRECISION NOT NULL,
    purchases_low       DOUBLE PRECISION,
    purchases_high      DOUBLE PRECISION,
    expected_revenue    DOUBLE PRECISION NOT NULL,
    revenue_low         DOUBLE PRECISION,
    revenue_high        DOUBLE PRECISION,
    actual_purchases    DOUBLE PRECISION,
    actual_revenue      DOUBLE PRECISION,
    CONSTRAINT pk_run_forecast_rows PRIMARY KEY (run_id, kind, horizon_days, group_by, group_key)
);
