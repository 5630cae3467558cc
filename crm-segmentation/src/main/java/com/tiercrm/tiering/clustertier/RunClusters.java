package com.tiercrm.tiering.clustertier;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import com.tiercrm.tiering.cluster.ClusterProfile;
import com.tiercrm.tiering.cluster.Lda;
import com.tiercrm.tiering.cluster.VariableSummary;
import com.tiercrm.tiering.config.SettingsJson;
import com.tiercrm.tiering.run.SegmentationRuns;
import com.tiercrm.tiering.run.TierModel;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Every published run's clusters: {@code run_clusterings}, {@code run_clusters} and
 * {@code run_cluster_centroids}, and the previous run's classes for the stability figure.
 */
@Repository
class RunClusters {

	private final JdbcTemplate jdbc;

	/**
	 * The same connections, fetching rows in batches: the previous run's classes are a
	 * million rows, which PostgreSQL's driver would otherwise hold in memory all at once.
	 */
	private final JdbcTemplate streaming;

	RunClusters(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.streaming = new JdbcTemplate(Objects.requireNonNull(jdbc.getDataSource(), "a data source"));
		this.streaming.setFetchSize(10_000);
	}

	/**
	 * The clusters of the published run, read only.
	 * @return them, or {@code null} before the first run that kept clusters
	 */
	@Nullable PreviousClusters published() {
		Long runId = SegmentationRuns.publishedRunId(this.jdbc);
		if (runId == null) {
			return null;
		}
		List<List<String>> columns = this.jdbc.query(
				"select variable_names, preparation from run_clusterings where run_id = ?",
				(rs, row) -> columns(rs.getString(1), rs.getString(2)), runId);
		if (columns.isEmpty()) {
			return null;
		}
		List<String> names = columns.get(0);
		Map<String, double[]> centres = new HashMap<>();
		this.jdbc.query("select class_code, variable_name, centre from run_cluster_centroids where run_id = ?",
				(ResultSet rs) -> {
					int column = names.indexOf(rs.getString(2));
					if (column >= 0) {
						centres.computeIfAbsent(rs.getString(1), (code) -> new double[names.size()])[column] = rs
							.getDouble(3);
					}
				}, runId);
		return new PreviousClusters(runId, names, centres);
	}

	/**
	 * Streams a run's cluster numbers of the customers who bought, in no particular
	 * order.
	 * @param runId the run
	 * @param consumer gets each customer's id and cluster number
	 */
	void previousNumbers(long runId, NumberConsumer consumer) {
		this.streaming.query("select customer_id, class_code from customer_model_results where run_id = ? and model = ?"
				+ " and class_code <> ?", (ResultSet rs) -> {
					consumer.accept(rs.getLong(1), ClusterOutcome.number(rs.getString(2)));
				}, runId, ClusterTierModel.CODE, TierModel.NO_PURCHASE);
	}

	/**
	 * Keeps a run's clusters, in the caller's transaction.
	 */
	void save(long runId, ClusterOutcome outcome, @Nullable Stability stability) {
		Lda.Accuracy accuracy = outcome.discriminantAccuracy();
		List<String> variables = outcome.summaries().isEmpty() ? outcome.variables()
				: outcome.summaries().stream().map(VariableSummary::name).toList();
		this.jdbc.update("insert into run_clusterings (run_id, variable_names, cluster_count, suggested_k, customers,"
				+ " previous_run_id, adjusted_rand, compared_customers, discriminant_correct, discriminant_rows,"
				+ " diagnostics, preparation) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", runId,
				String.join(",", variables), outcome.clusters().size(), outcome.suggestedK(), outcome.clustered(),
				(stability != null) ? stability.previousRunId() : null,
				(stability != null) ? finite(stability.adjustedRand()) : null,
				(stability != null) ? stability.compared() : null, (accuracy != null) ? accuracy.correct() : null,
				(accuracy != null) ? accuracy.rows() : null,
				(outcome.diagnostics() != null) ? SettingsJson.write(outcome.diagnostics()) : null,
				SettingsJson.write(new ClusterPreparation(outcome.variables(), outcome.summaries())));
		List<Object[]> clusters = new ArrayList<>();
		List<Object[]> centroids = new ArrayList<>();
		List<Object[]> categories = new ArrayList<>();
		for (ClusterFigures cluster : outcome.clusters()) {
			clusters.add(new Object[] { runId, cluster.classCode(), cluster.customers(), finite(cluster.revenueShare()),
					finite(cluster.profitShare()), nameKeys(cluster.name()), finite(cluster.previousDistance()),
					finite(cluster.discriminantConstant()) });
			for (ClusterFigures.Centre centre : cluster.variables()) {
				centroids.add(new Object[] { runId, cluster.classCode(), centre.variable(), centre.centre(),
						finite(centre.mean()), centre.zScore(), finite(centre.discriminantWeight()),
						finite(centre.discriminantMissing()) });
			}
			for (ClusterProfile.CategoryShare category : cluster.categories()) {
				categories.add(new Object[] { runId, cluster.classCode(), category.variable(), category.level(),
						category.share(), category.overallShare() });
			}
		}
		this.jdbc.batchUpdate(
				"insert into run_clusters (run_id, class_code, customers, revenue_share, profit_share,"
						+ " name_keys, previous_distance, discriminant_constant) values (?, ?, ?, ?, ?, ?, ?, ?)",
				clusters);
		this.jdbc.batchUpdate("insert into run_cluster_centroids (run_id, class_code, variable_name, centre,"
				+ " mean_value, z_score, discriminant_weight, discriminant_missing) values (?, ?, ?, ?, ?, ?, ?, ?)",
				centroids);
		this.jdbc.batchUpdate("insert into run_cluster_categories (run_id, class_code, variable_name, category,"
				+ " share, overall_share) values (?, ?, ?, ?, ?, ?)", categories);
	}

	/**
	 * The linear discriminant kept with a run.
	 * @param runId the run
	 * @return it, or {@code null} when the run kept no clusters or no discriminant
	 */
	@Nullable Discriminant discriminant(long runId) {
		List<Discriminant> runs = this.jdbc.query(
				"select variable_names, preparation, discriminant_correct, discriminant_rows from run_clusterings"
						+ " where run_id = ? and discriminant_rows is not null",
				(rs, row) -> new Discriminant(runId, columns(rs.getString(1), rs.getString(2)), new ArrayList<>(),
						new Lda.Accuracy(rs.getInt(3), rs.getInt(4))),
				runId);
		if (runs.isEmpty()) {
			return null;
		}
		Discriminant discriminant = runs.get(0);
		List<String> variables = discriminant.variables();
		Map<String, double[]> weights = new HashMap<>();
		Map<String, double[]> missing = new HashMap<>();
		this.jdbc.query("select class_code, variable_name, discriminant_weight, discriminant_missing"
				+ " from run_cluster_centroids where run_id = ?", (ResultSet rs) -> {
					int column = variables.indexOf(rs.getString(2));
					if (column >= 0) {
						weights.computeIfAbsent(rs.getString(1), (code) -> new double[variables.size()])[column] = rs
							.getDouble(3);
						missing.computeIfAbsent(rs.getString(1), (code) -> new double[variables.size()])[column] = rs
							.getDouble(4);
					}
				}, runId);
		this.jdbc.query("select class_code, discriminant_constant from run_clusters where run_id = ?"
				+ " and discriminant_constant is not null order by class_code", (ResultSet rs) -> {
					String code = rs.getString(1);
					discriminant.functions()
						.add(new Discriminant.Function(code, rs.getDouble(2),
								weights.getOrDefault(code, new double[variables.size()]),
								missing.getOrDefault(code, new double[variables.size()])));
				}, runId);
		return discriminant.functions().isEmpty() ? null : discriminant;
	}

	/**
	 * A run's prepared columns: as kept since categories could be clustered on, else its
	 * variables (each its own column).
	 */
	static List<String> columns(String variableNames, @Nullable String preparation) {
		return (preparation != null) ? SettingsJson.read(preparation, ClusterPreparation.class).columns()
				: Arrays.asList(variableNames.split(","));
	}

	/** {@code key|arg;key|arg}: a suggested name's terms as stored. */
	static String nameKeys(List<ClusterProfile.NameTerm> name) {
		return name.stream()
			.map((term) -> term.arguments().isEmpty() ? term.key()
					: term.key() + "|" + String.join("|", term.arguments()))
			.collect(Collectors.joining(";"));
	}

	private static @Nullable Double finite(double value) {
		return Double.isFinite(value) ? value : null;
	}

	/** A customer's id and cluster number. */
	@FunctionalInterface
	interface NumberConsumer {

		void accept(long customerId, int number);

	}

	/**
	 * How a run's clusters compare with the previous run's.
	 *
	 * @param previousRunId the previous run
	 * @param adjustedRand the adjusted Rand index of the two runs' clusters
	 * @param compared the customers clustered in both runs
	 */
	record Stability(long previousRunId, double adjustedRand, long compared) {

	}

}
