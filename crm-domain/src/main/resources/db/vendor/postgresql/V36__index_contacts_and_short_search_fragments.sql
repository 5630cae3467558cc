-- PostgreSQL only. Search by part of a name: V5's trigram indexes answer fragments of three characters or more of a
-- customer's name, but not one or two (王, 王伟), the usual length of a Chinese name fragment. tiercrm_short_grams
-- lists every single character and every pair of adjacent characters of a text, lower-cased; a GIN index over it finds
-- the rows holding all the grams of a fragment of any length. Contacts are searched by it alone, which needs no
-- operator class of pg_trgm (an extension installed in one schema that a migration into another cannot see).
-- H2 has neither; it searches without them.
CREATE FUNCTION tiercrm_short_grams(t text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT coalesce(array_agg(DISTINCT g), '{}')
    FROM (SELECT substr(lower(t), i, 1) AS g FROM generate_series(1, char_length(t)) AS i
          UNION ALL
          SELECT substr(lower(t), i, 2) FROM generate_series(1, char_length(t) - 1) AS i) AS grams
$$;

CREATE INDEX ix_customers_name_grams ON customers USING gin (tiercrm_short_grams(name));
CREATE INDEX ix_customer_contacts_name_grams ON customer_contacts USING gin (tiercrm_short_grams(name));

-- One primary contact per customer; the application keeps it so on every database, this makes it certain here.
CREATE UNIQUE INDEX uk_customer_contacts_primary ON customer_contacts (customer_id) WHERE is_primary;
