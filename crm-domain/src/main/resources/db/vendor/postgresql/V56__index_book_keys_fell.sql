-- The few customers per owner whose P(alive) fell below the churn threshold in the published run (Today's list).
-- Partial: a full (owner_id, fell_clv) index is smaller than the book's index and the planner took it for a whole
-- owner's count, reading the table instead of the book's index alone.
CREATE INDEX ix_book_keys_fell ON book_keys (owner_id, fell_clv) WHERE fell_clv IS NOT NULL;
