-- Each customer's order facts as of today, kept current by the writers of orders (OrderFacts), so that a run as of
-- today reads one row per customer instead of every order. A row holds exactly what a run folds the completed orders
-- into: purchases (amount >= 0) and their distinct calendar days in the zone of the state row below, the first and
-- last of those days, the spend of the first day and of all purchases, revenue and gross profit net of returns, and
-- the same two from window_from on (the ABC window). latest_day is the last day of any completed order, returns
-- included: a run as of a day before it reads the orders instead. A customer without completed orders has no row.
CREATE TABLE customer_order_facts (
    customer_id          BIGINT         NOT NULL PRIMARY KEY,
    orders               INTEGER        NOT NULL,
    purchase_days        INTEGER        NOT NULL,
    first_day            DATE,
    last_day             DATE,
    latest_day           DATE           NOT NULL,
    first_day_spend      NUMERIC(24, 4) NOT NULL,
    purchase_spend       NUMERIC(24, 4) NOT NULL,
    revenue              NUMERIC(24, 4) NOT NULL,
    gross_profit         NUMERIC(24, 4) NOT NULL,
    window_revenue       NUMERIC(24, 4) NOT NULL,
    window_gross_profit  NUMERIC(24, 4) NOT NULL
);

-- Whether the rows are current: set by a rebuild from the orders, cleared by any writer of orders that does not
-- maintain them. While it is false, writers leave the rows alone and runs read the orders. The row is also the lock
-- that orders the writers' refreshes, the window's daily step and the rebuild.
CREATE TABLE order_facts_state (
    id             INTEGER      NOT NULL PRIMARY KEY,
    is_current     BOOLEAN      NOT NULL,
    zone           VARCHAR(64),
    window_months  INTEGER,
    window_from    DATE,
    rebuilt_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_order_facts_state_one CHECK (id = 1)
);

INSERT INTO order_facts_state (id, is_current) VALUES (1, FALSE);
