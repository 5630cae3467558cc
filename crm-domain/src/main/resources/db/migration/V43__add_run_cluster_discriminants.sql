-- The linear discriminant trained on each published run's clusters, which places customers who arrived after the
-- run in one of them ("provisional" until the next run) and classifies customers described to the API. Stored in
-- the variables' transformed units (log1p for amounts and counts), so that a customer's values are placed without
-- the run's means and standard deviations. Null for runs made before this and for runs with too few customers.

-- The cross-validated accuracy: customers placed in their own cluster, of those tried.
ALTER TABLE run_clusterings ADD COLUMN discriminant_correct BIGINT;
ALTER TABLE run_clusterings ADD COLUMN discriminant_rows BIGINT;

-- Each cluster's discriminant function: this constant plus, per variable, weight times value (or, when the value
-- is missing, the variable's missing term).
ALTER TABLE run_clusters ADD COLUMN discriminant_constant DOUBLE PRECISION;
ALTER TABLE run_cluster_centroids ADD COLUMN discriminant_weight DOUBLE PRECISION;
ALTER TABLE run_cluster_centroids ADD COLUMN discriminant_missing DOUBLE PRECISION;
