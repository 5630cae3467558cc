-- One index per sort by a result, owner first (H2 has no INCLUDE columns; PostgreSQL's carry the filters).
CREATE INDEX ix_list_keys_monetary ON list_keys (owner_id, monetary, customer_id);
CREATE INDEX ix_list_keys_recency ON list_keys (owner_id, recency_key, customer_id);
CREATE INDEX ix_list_keys_clv ON list_keys (owner_id, clv_predicted, customer_id);
