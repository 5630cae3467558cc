-- PostgreSQL only: customer_segments becomes partitioned by run, one partition per run named
-- customer_segments_r<run id>. A run then writes its rows into a table of its own without indexes, indexes it
-- once, analyses only its own rows and attaches it (RunPartitions); retention drops a run's partition instead of
-- deleting a million rows. Same columns, primary key and list indexes (names kept) as before; H2 keeps the plain
-- table. Nothing has a foreign key to customer_segments and no entity maps it.
--
-- Existing rows move set-based: one partition per run that has rows, one INSERT … SELECT routed by PostgreSQL,
-- then the primary key and the indexes built once over each partition. On a large database this takes about as
-- long as writing each retained run again (and twice their size on disk while it runs).

ALTER TABLE customer_segments RENAME TO customer_segments_unpartitioned;
ALTER TABLE customer_segments_unpartitioned DROP CONSTRAINT pk_customer_segments;
DROP INDEX ix_customer_segments_tier_monetary;
DROP INDEX ix_customer_segments_clv;

CREATE TABLE customer_segments (
    run_id              BIGINT           NOT NULL,
    customer_id         BIGINT           NOT NULL,
    abc_class           VARCHAR(20)      NOT NULL,
    abc_value           DOUBLE PRECISION NOT NULL,
    abc_rank            INTEGER          NOT NULL,
    abc_share_before    DOUBLE PRECISION NOT NULL,
    abc_reason          VARCHAR(300),
    recency_days        INTEGER,
    frequency           INTEGER          NOT NULL,
    monetary            DOUBLE PRECISION NOT NULL,
    r_score             SMALLINT         NOT NULL,
    f_score             SMALLINT         NOT NULL,
    m_score             SMALLINT         NOT NULL,
    rfm_segment         VARCHAR(30)      NOT NULL,
    rfm_reason          VARCHAR(300),
    clv_historical      DOUBLE PRECISION NOT NULL,
    clv_predicted       DOUBLE PRECISION NOT NULL,
    clv_method          VARCHAR(30)      NOT NULL,
    p_alive             DOUBLE PRECISION,
    expected_purchases  DOUBLE PRECISION,
    expected_spend      DOUBLE PRECISION,
    clv_rank            INTEGER          NOT NULL,
    clv_class           VARCHAR(20)      NOT NULL,
    clv_reason          VARCHAR(300),
    tier                VARCHAR(40)      NOT NULL,
    downgrade_streak    SMALLINT         NOT NULL,
    gross_profit        DOUBLE PRECISION,
    revenue             DOUBLE PRECISION
) PARTITION BY LIST (run_id);

-- No DEFAULT partition: attaching a run's partition would then lock the default one exclusively (and scan it),
-- blocking readers until the run commits.
DO $$
DECLARE
    run BIGINT;
BEGIN
    FOR run IN SELECT DISTINCT run_id FROM customer_segments_unpartitioned LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF customer_segments FOR VALUES IN (%s)',
                       'customer_segments_r' || run, run);
    END LOOP;
END
$$;

INSERT INTO customer_segments (run_id, customer_id, abc_class, abc_value, abc_rank, abc_share_before, abc_reason,
        recency_days, frequency, monetary, r_score, f_score, m_score, rfm_segment, rfm_reason, clv_historical,
        clv_predicted, clv_method, p_alive, expected_purchases, expected_spend, clv_rank, clv_class, clv_reason,
        tier, downgrade_streak, gross_profit, revenue)
    SELECT run_id, customer_id, abc_class, abc_value, abc_rank, abc_share_before, abc_reason,
        recency_days, frequency, monetary, r_score, f_score, m_score, rfm_segment, rfm_reason, clv_historical,
        clv_predicted, clv_method, p_alive, expected_purchases, expected_spend, clv_rank, clv_class, clv_reason,
        tier, downgrade_streak, gross_profit, revenue
    FROM customer_segments_unpartitioned;

DROP TABLE customer_segments_unpartitioned;

ALTER TABLE customer_segments ADD CONSTRAINT pk_customer_segments PRIMARY KEY (run_id, customer_id);
CREATE INDEX ix_customer_segments_tier_monetary ON customer_segments (run_id, tier, monetary, customer_id);
CREATE INDEX ix_customer_segments_clv ON customer_segments (run_id, clv_predicted, customer_id);

ANALYZE customer_segments;
