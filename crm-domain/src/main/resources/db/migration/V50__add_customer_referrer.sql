-- The customer who referred a customer (issue 13: loyalty is repeat purchases and referrals). A referrer that is
-- deleted leaves the customer unreferred. The evaluation counts, per tier, the customers who referred customers
-- acquired in a period: it starts from the referred customers, by this index.
ALTER TABLE customers ADD COLUMN referred_by_id BIGINT;
ALTER TABLE customers ADD CONSTRAINT fk_customers_referred_by FOREIGN KEY (referred_by_id) REFERENCES customers (id)
    ON DELETE SET NULL;
CREATE INDEX ix_customers_referred_by ON customers (referred_by_id, created_at);
