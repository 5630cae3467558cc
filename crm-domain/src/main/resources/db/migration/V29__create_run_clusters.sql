-- The CLUSTER tier model's clusters of each published run: enough to match the next run's clusters to these
-- (centres in the variables' transformed units, before standardisation, so that a later run's means and standard
-- deviations can be applied to them), the stability between consecutive runs, and each cluster's profile for the
-- pages. Written in the transaction that publishes the run; a preview writes nothing. No foreign keys, like
-- customer_segments and run_aggregates. Portable between PostgreSQL and H2 (PostgreSQL mode).

-- One row per run: which variables were clustered (comma-separated, in column order), K, and the adjusted Rand
-- index against the previous run's clusters over the customers clustered in both (null for the first run).
CREATE TABLE run_clusterings (
    run_id              BIGINT           PRIMARY KEY,
    variable_names      VARCHAR(200)     NOT NULL,
    cluster_count       INTEGER          NOT NULL,
    suggested_k         INTEGER,
    customers           BIGINT           NOT NULL,
    previous_run_id     BIGINT,
    adjusted_rand       DOUBLE PRECISION,
    compared_customers  BIGINT
);

-- One row per cluster: its size, shares, suggested name (message keys, `;`-separated, arguments after `|`) and how
-- far its centre moved from the previous run's cluster of the same code (null when it is new).
CREATE TABLE run_clusters (
    run_id              BIGINT           NOT NULL,
    class_code          VARCHAR(30)      NOT NULL,
    customers           BIGINT           NOT NULL,
    revenue_share       DOUBLE PRECISION,
    profit_share        DOUBLE PRECISION,
    name_keys           VARCHAR(300)     NOT NULL,
    previous_distance   DOUBLE PRECISION,
    CONSTRAINT pk_run_clusters PRIMARY KEY (run_id, class_code)
);

-- One row per cluster and variable: the centre (transformed units: log1p for amounts and counts), the mean in the
-- variable's own units and the z-score against all clustered customers.
CREATE TABLE run_cluster_centroids (
    run_id              BIGINT           NOT NULL,
    class_code          VARCHAR(30)      NOT NULL,
    variable_name       VARCHAR(30)      NOT NULL,
    centre              DOUBLE PRECISION NOT NULL,
    mean_value          DOUBLE PRECISION,
    z_score             DOUBLE PRECISION NOT NULL,
    CONSTRAINT pk_run_cluster_centroids PRIMARY KEY (run_id, class_code, variable_name)
);
