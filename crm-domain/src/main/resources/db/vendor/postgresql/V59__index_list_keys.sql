-- One index per sort by a result, owner first; the filters a rep's list offers are carried along (INCLUDE) so that
-- a tier's or a class's rows are picked out of the owner's range, and counted, without reading the table.
CREATE INDEX ix_list_keys_monetary ON list_keys (owner_id, monetary, customer_id)
    INCLUDE (tier, abc_class, rfm_segment, clv_class, p_alive);
CREATE INDEX ix_list_keys_recency ON list_keys (owner_id, recency_key, customer_id)
    INCLUDE (tier, abc_class, rfm_segment, clv_class, p_alive);
CREATE INDEX ix_list_keys_clv ON list_keys (owner_id, clv_predicted, customer_id)
    INCLUDE (tier, abc_class, rfm_segment, clv_class, p_alive);
