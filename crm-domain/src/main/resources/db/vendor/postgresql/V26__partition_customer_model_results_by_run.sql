-- PostgreSQL only: the other tier models' results are partitioned by run like customer_segments (V24), one
-- partition per run named customer_model_results_r<run id>, holding every such model's rows of that run. A run
-- copies them into a table of its own without the primary key, builds it once and attaches the table
-- (RunPartitions); retention drops the partition. Copying a million rows into the indexed table took 6.9-8.1 s,
-- into a new one and building its key 3.7 s (see docs/performance.md). H2 keeps the plain table of V25.

ALTER TABLE customer_model_results RENAME TO customer_model_results_unpartitioned;
ALTER TABLE customer_model_results_unpartitioned DROP CONSTRAINT pk_customer_model_results;

CREATE TABLE customer_model_results (
    run_id       BIGINT           NOT NULL,
    model        VARCHAR(10)      NOT NULL,
    customer_id  BIGINT           NOT NULL,
    class_code   VARCHAR(30)      NOT NULL,
    score        DOUBLE PRECISION,
    reason       VARCHAR(300)
) PARTITION BY LIST (run_id);

DO $$
DECLARE
    run BIGINT;
BEGIN
    FOR run IN SELECT DISTINCT run_id FROM customer_model_results_unpartitioned LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF customer_model_results FOR VALUES IN (%s)',
                       'customer_model_results_r' || run, run);
    END LOOP;
END
$$;

INSERT INTO customer_model_results (run_id, model, customer_id, class_code, score, reason)
    SELECT run_id, model, customer_id, class_code, score, reason FROM customer_model_results_unpartitioned;

DROP TABLE customer_model_results_unpartitioned;

ALTER TABLE customer_model_results ADD CONSTRAINT pk_customer_model_results PRIMARY KEY (run_id, model, customer_id);
