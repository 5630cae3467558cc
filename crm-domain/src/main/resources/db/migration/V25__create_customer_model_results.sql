-- Tier models beyond ABC, RFM and CLV are registered in code: their tiers are added to the tiers table when the
-- application starts, so the table no longer lists the models it allows. Their per-customer results (class,
-- score and reason) are kept one row per customer, model and run, beside the wide customer_segments rows of the
-- three built-in models. Portable between PostgreSQL and H2 (PostgreSQL mode).

ALTER TABLE tiers DROP CONSTRAINT ck_tiers_model;

CREATE TABLE customer_model_results (
    run_id       BIGINT           NOT NULL,
    model        VARCHAR(10)      NOT NULL,
    customer_id  BIGINT           NOT NULL,
    class_code   VARCHAR(30)      NOT NULL,
    score        DOUBLE PRECISION,
    reason       VARCHAR(300),
    CONSTRAINT pk_customer_model_results PRIMARY KEY (run_id, model, customer_id)
);
