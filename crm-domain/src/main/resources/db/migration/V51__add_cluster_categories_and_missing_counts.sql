-- Clusters made from more variables than the order facts (issue 13): interactions, satisfaction, online share, the
-- CLV model's P(alive) and predicted value, and the customer's categories (age band, gender, income band, occupation,
-- type, region, industry), one-hot encoded. Portable between PostgreSQL and H2 (PostgreSQL mode).

-- run_clusterings.variable_names now lists the variables chosen; the prepared columns (a numeric variable's name, or
-- variable=level for a category's indicator, whose level may hold any character) and what the preparation did to
-- each variable (values missing and imputed, indicator columns, rows at levels too rare for a column) are JSON.
-- Null for runs made before this: their columns are their variables.
ALTER TABLE run_clusterings ALTER COLUMN variable_names SET DATA TYPE VARCHAR(1000);
ALTER TABLE run_clusterings ADD COLUMN preparation TEXT;

-- An indicator's row is named variable=level.
ALTER TABLE run_cluster_centroids ALTER COLUMN variable_name SET DATA TYPE VARCHAR(200);

-- Each cluster's most frequent levels of each categorical variable, with the level's share of all clustered customers
-- to compare with.
CREATE TABLE run_cluster_categories (
    run_id              BIGINT           NOT NULL,
    class_code          VARCHAR(30)      NOT NULL,
    variable_name       VARCHAR(30)      NOT NULL,
    category            VARCHAR(100)     NOT NULL,
    share               DOUBLE PRECISION NOT NULL,
    overall_share       DOUBLE PRECISION NOT NULL,
    CONSTRAINT pk_run_cluster_categories PRIMARY KEY (run_id, class_code, variable_name, category)
);
