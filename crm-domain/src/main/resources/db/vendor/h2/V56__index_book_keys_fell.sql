-- The customers per owner whose P(alive) fell below the churn threshold (Today's list); H2 has no partial indexes.
CREATE INDEX ix_book_keys_fell ON book_keys (owner_id, fell_clv);
