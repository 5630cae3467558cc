-- Churn is counted per cohort in run_churn_cohorts (V9); the per-run count of buyers below the probability
-- threshold was no longer shown anywhere.
ALTER TABLE run_group_stats DROP COLUMN churned;
