-- What helps a manager choose K and the variables, kept with each run that made clusters, as JSON: the within-cluster
-- sum of squares and mean silhouette per K on a sample, the principal components (explained variance and loadings)
-- and Ward's hierarchy of a small sample. A few kilobytes per run; null for runs made before this.
ALTER TABLE run_clusterings ADD COLUMN diagnostics TEXT;
