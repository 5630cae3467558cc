-- Order amounts keep up to four decimals (a quantity times a unit price, as in Online Retail's invoices); pages
-- show two. Negative amounts are returns and credit notes.
ALTER TABLE sales_orders ALTER COLUMN amount SET DATA TYPE NUMERIC(18, 4);
ALTER TABLE sales_orders ALTER COLUMN gross_profit SET DATA TYPE NUMERIC(18, 4);
