-- PostgreSQL only. The customer list matches a code by its start whatever its case (lower(code) LIKE 'c00012%'):
-- this index reads that range. The trigram index of V5 read hundreds of pages for it, every code sharing "c00" and
-- "000" (100 ms on 1M customers). text_pattern_ops: under a collation other than "C" a plain b-tree cannot serve LIKE.
CREATE INDEX ix_customers_code_lower ON customers (lower(code) text_pattern_ops);

-- The planner knows how many codes start with a text only from the statistics of the index's expression, which the
-- next automatic ANALYZE could be hours away; without them it guessed and walked the name index for seconds.
ANALYZE customers;
