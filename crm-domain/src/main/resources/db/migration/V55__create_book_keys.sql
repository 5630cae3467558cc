-- What a rep's book is ordered by, one narrow row per customer, so that a page, its total and its overdue count
-- come from an index range over one owner instead of sorting every customer of the rep on each request.
-- The customer's side (owner, name, last contact; no owner once merged) is written with every change of the
-- customer; the run's side (tier, its rank, whether P(alive) fell below the churn threshold) when a run is
-- published. A tier's contact cadence is not stored: the book compares the last contact with "now minus the
-- cadence" of each rank when it reads, so that a policy change needs no rewrite.
CREATE TABLE book_keys (
    customer_id  BIGINT PRIMARY KEY,
    -- NULL: in nobody's book (no owner, or merged into another customer)
    owner_id     BIGINT,
    -- the tier's rank in the published run; 2147483647 without a tier (after every tier)
    rank_order   INTEGER                  NOT NULL,
    -- the last contact; 0001-01-01 when never contacted (first within the rank)
    contact_key  TIMESTAMP WITH TIME ZONE NOT NULL,
    name         VARCHAR(200)             NOT NULL,
    tier         VARCHAR(40),
    -- the predicted CLV when the published run's P(alive) fell below the churn threshold from the run before
    fell_clv     DOUBLE PRECISION,
    -- the keys go with their customer (customers are deleted only by hand or by tests)
    CONSTRAINT fk_book_keys_customer FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE
);

CREATE INDEX ix_book_keys_order ON book_keys (owner_id, rank_order, contact_key, name, customer_id);
-- The index of the customers fallen below the threshold is V56, per database: partial on PostgreSQL, so that the
-- planner never prefers it to the book's index for a whole owner.

-- Which run the run's side of book_keys holds; the book reads the keys only while it is the published run.
CREATE TABLE book_key_state (
    id               INTEGER PRIMARY KEY,
    run_id           BIGINT,
    previous_run_id  BIGINT,
    churn_threshold  DOUBLE PRECISION,
    rebuilt_at       TIMESTAMP WITH TIME ZONE,
    rebuild_millis   BIGINT,
    CONSTRAINT ck_book_key_state_single CHECK (id = 1)
);

INSERT INTO book_key_state (id) VALUES (1);

INSERT INTO book_keys (customer_id, owner_id, rank_order, contact_key, name)
SELECT id, CASE WHEN status = 'MERGED' THEN NULL ELSE owner_id END, 2147483647,
    COALESCE(last_contact_at, TIMESTAMP WITH TIME ZONE '0001-01-01 00:00:00+00'), name
FROM customers;
