-- The phone number as it was written ("+86 0571-8888 8888"), shown on pages and exports; customers.phone keeps
-- the normalised form that search and matching use.
ALTER TABLE customers ADD COLUMN phone_display VARCHAR(60);

-- Each customer's revenue in a run, net of returns, so that a run reports its revenue per tier whatever the
-- configured value measure. Runs written before this have none.
ALTER TABLE customer_segments ADD COLUMN revenue DOUBLE PRECISION;
