-- PostgreSQL only: trigram indexes so that searching customers by part of a name, code or phone
-- (ILIKE '%text%') does not scan a million rows. H2 has no pg_trgm; it searches without them.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX ix_customers_name_trgm ON customers USING gin (name gin_trgm_ops);
CREATE INDEX ix_customers_code_trgm ON customers USING gin (code gin_trgm_ops);
CREATE INDEX ix_customers_phone_trgm ON customers USING gin (phone gin_trgm_ops);
