-- What a rep's customer list sorted by a result of the published run is ordered by, one narrow row per customer
-- with its owner first, so that a page of one owner's customers by spend, recency or predicted value is one index
-- range and a limit, and only the rows shown are joined to the run's partition (V59 has the indexes).
-- The owner is written with every change of the customer (com.tiercrm.bookorder.BookKeys, beside book_keys); the
-- run's side after a run is published (com.tiercrm.tiering.list.RunListKeys), all NULL for a customer not in it.
CREATE TABLE list_keys (
    customer_id    BIGINT PRIMARY KEY,
    -- NULL: nobody's (no owner, or merged into another customer)
    owner_id       BIGINT,
    -- the run's columns of the same names; NULL when the customer is not in the run
    monetary       DOUBLE PRECISION,
    -- the list's recency key: the days since the last purchase, 2147483647 for customers who never bought
    recency_key    INTEGER,
    clv_predicted  DOUBLE PRECISION,
    tier           VARCHAR(40),
    abc_class      VARCHAR(20),
    rfm_segment    VARCHAR(30),
    clv_class      VARCHAR(20),
    p_alive        DOUBLE PRECISION,
    CONSTRAINT fk_list_keys_customer FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE
);

-- Which run the run's side of list_keys holds; the list reads the keys only while it is the published run.
CREATE TABLE list_key_state (
    id              INTEGER PRIMARY KEY,
    run_id          BIGINT,
    rebuilt_at      TIMESTAMP WITH TIME ZONE,
    rebuild_millis  BIGINT,
    CONSTRAINT ck_list_key_state_single CHECK (id = 1)
);

INSERT INTO list_key_state (id) VALUES (1);

INSERT INTO list_keys (customer_id, owner_id)
SELECT id, CASE WHEN status = 'MERGED' THEN NULL ELSE owner_id END FROM customers;
