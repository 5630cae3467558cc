-- Industries and regions are data: a code (what customers.industry and customers.region hold) with an English and a
-- Chinese name that admins edit. Seeded with the codes the demo data and the generator use; existing customer rows
-- that hold a name instead of a code (an import of 行业 = 零售) are mapped to the code, and any other value they hold
-- becomes an entry of its own, named as written, so that every stored value has a name.
-- Portable between PostgreSQL 15+ and H2 2.x in PostgreSQL mode.

CREATE TABLE industries (
    code        VARCHAR(50)  NOT NULL PRIMARY KEY,
    name_en     VARCHAR(100) NOT NULL,
    name_zh     VARCHAR(100) NOT NULL,
    sort_order  INTEGER      NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0
);

CREATE TABLE regions (
    code        VARCHAR(30)  NOT NULL PRIMARY KEY,
    name_en     VARCHAR(100) NOT NULL,
    name_zh     VARCHAR(100) NOT NULL,
    sort_order  INTEGER      NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0
);

INSERT INTO industries (code, name_en, name_zh, sort_order) VALUES
    ('RETAIL', 'Retail', '零售', 10),
    ('MANUFACTURING', 'Manufacturing', '制造业', 20),
    ('PHARMA', 'Pharmaceuticals', '医药', 30),
    ('IT', 'IT & software', '信息技术', 40),
    ('FINANCE', 'Finance', '金融', 50),
    ('EDUCATION', 'Education', '教育', 60),
    ('LOGISTICS', 'Logistics', '物流', 70),
    ('FOOD', 'Food & beverage', '食品饮料', 80),
    ('CONSTRUCTION', 'Construction', '建筑', 90),
    ('AUTOMOTIVE', 'Automotive', '汽车', 100),
    ('ENERGY', 'Energy', '能源', 110),
    ('OTHER', 'Other', '其他', 120);

INSERT INTO regions (code, name_en, name_zh, sort_order) VALUES
    ('EAST', 'East China', '华东', 10),
    ('NORTH', 'North China', '华北', 20),
    ('SOUTH', 'South China', '华南', 30),
    ('CENTRAL', 'Central China', '华中', 40),
    ('SOUTHWEST', 'Southwest China', '西南', 50),
    ('NORTHWEST', 'Northwest China', '西北', 60),
    ('NORTHEAST', 'Northeast China', '东北', 70);

-- A stored name (either language, any case, surrounding blanks) becomes its code.
UPDATE customers SET industry = (SELECT i.code FROM industries i
        WHERE UPPER(TRIM(customers.industry)) IN (UPPER(i.code), UPPER(i.name_en), UPPER(i.name_zh)))
    WHERE industry IS NOT NULL AND industry NOT IN (SELECT code FROM industries)
      AND EXISTS (SELECT 1 FROM industries i
        WHERE UPPER(TRIM(customers.industry)) IN (UPPER(i.code), UPPER(i.name_en), UPPER(i.name_zh)));

UPDATE customers SET region = (SELECT r.code FROM regions r
        WHERE UPPER(TRIM(customers.region)) IN (UPPER(r.code), UPPER(r.name_en), UPPER(r.name_zh)))
    WHERE region IS NOT NULL AND region NOT IN (SELECT code FROM regions)
      AND EXISTS (SELECT 1 FROM regions r
        WHERE UPPER(TRIM(customers.region)) IN (UPPER(r.code), UPPER(r.name_en), UPPER(r.name_zh)));

-- Whatever else is stored stays as it is and is named as written, after the seeded entries.
INSERT INTO industries (code, name_en, name_zh, sort_order)
    SELECT DISTINCT industry, industry, industry, 1000 FROM customers
    WHERE industry IS NOT NULL AND TRIM(industry) <> '' AND industry NOT IN (SELECT code FROM industries);

INSERT INTO regions (code, name_en, name_zh, sort_order)
    SELECT DISTINCT region, region, region, 1000 FROM customers
    WHERE region IS NOT NULL AND TRIM(region) <> '' AND region NOT IN (SELECT code FROM regions);
