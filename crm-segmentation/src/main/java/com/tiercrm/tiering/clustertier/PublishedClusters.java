package com.tiercrm.tiering.clustertier;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.tiercrm.tiering.cluster.ClusterProfile;
import com.tiercrm.tiering.cluster.VariableSummary;
import com.tiercrm.tiering.config.SettingsJson;
import com.tiercrm.tiering.run.SegmentationRuns;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The published run's clusters with their profiles, for the page that shows them: a few
 * rows per cluster, whatever the number of customers.
 */
@NamedInterface("clustertier")
@Service
public class PublishedClusters {

	private final JdbcTemplate jdbc;

	PublishedClusters(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The published run's clusters.
	 * @return them, empty before the first run that kept clusters
	 */
	@Transactional(readOnly = true)
	public Optional<Report> published() {
		Long runId = SegmentationRuns.publishedRunId(this.jdbc);
		if (runId == null) {
			return Optional.empty();
		}
		List<Report> reports = this.jdbc.query(
				"select variable_names, cluster_count, suggested_k, customers, previous_run_id, adjusted_rand,"
						+ " compared_customers, discriminant_correct, discriminant_rows, diagnostics, preparation"
						+ " from run_clusterings where run_id = ?",
				(rs, row) -> new Report(runId, Arrays.asList(rs.getString(1).split(",")), rs.getInt(2),
						nullableInt(rs, 3), rs.getLong(4), nullableLong(rs, 5), nullableDouble(rs, 6),
						nullableLong(rs, 7), nullableLong(rs, 8), nullableLong(rs, 9), new ArrayList<>(),
						(rs.getString(10) != null) ? SettingsJson.read(rs.getString(10), ClusterDiagnostics.class)
								: null,
						(rs.getString(11) != null) ? SettingsJson.read(rs.getString(11), ClusterPreparation.class)
								: null,
						new HashMap<>()),
				runId);
		if (reports.isEmpty()) {
			return Optional.empty();
		}
		Report report = reports.get(0);
		// Regions and industries are stored as codes; their names are data.
		for (String table : List.of("regions", "industries")) {
			String variable = table.equals("regions") ? ClusterVariable.REGION.variableName()
					: ClusterVariable.INDUSTRY.variableName();
			this.jdbc.query("select code, name_en, name_zh from " + table, (ResultSet rs) -> {
				report.levelNames().put(variable + "=" + rs.getString(1), List.of(rs.getString(2), rs.getString(3)));
			});
		}
		Map<String, List<Variable>> variables = new LinkedHashMap<>();
		// A category's indicators are shown as its top categories, not as variables.
		this.jdbc.query("select class_code, variable_name, mean_value, z_score from run_cluster_centroids"
				+ " where run_id = ?", (ResultSet rs) -> {
					if (ClusterPreparation.levelOf(rs.getString(2)) == null) {
						variables.computeIfAbsent(rs.getString(1), (code) -> new ArrayList<>())
							.add(new Variable(rs.getString(2), nullableDouble(rs, 3), rs.getDouble(4)));
					}
				}, runId);
		Map<String, List<Category>> categories = new LinkedHashMap<>();
		this.jdbc.query(
				"select class_code, variable_name, category, share, overall_share from run_cluster_categories"
						+ " where run_id = ? order by class_code, variable_name, share desc, category",
				(ResultSet rs) -> {
					categories.computeIfAbsent(rs.getString(1), (code) -> new ArrayList<>())
						.add(new Category(rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5)));
				}, runId);
		this.jdbc.query("select class_code, customers, revenue_share, profit_share, name_keys, previous_distance"
				+ " from run_clusters where run_id = ? order by class_code", (ResultSet rs) -> {
					String code = rs.getString(1);
					List<Variable> own = new ArrayList<>(variables.getOrDefault(code, List.of()));
					own.sort((a, b) -> Integer.compare(report.variables().indexOf(a.name()),
							report.variables().indexOf(b.name())));
					report.clusters()
						.add(new Cluster(ClusterTierModel.CODE + ":" + code, code, rs.getLong(2), nullableDouble(rs, 3),
								nullableDouble(rs, 4), nameTerms(rs.getString(5)), nullableDouble(rs, 6), own,
								categories.getOrDefault(code, List.of())));
				}, runId);
		return Optional.of(report);
	}

	static List<ClusterProfile.NameTerm> nameTerms(String stored) {
		List<ClusterProfile.NameTerm> terms = new ArrayList<>();
		for (String term : stored.split(";")) {
			if (!term.isEmpty()) {
				String[] parts = term.split("\\|");
				terms.add(new ClusterProfile.NameTerm(parts[0], Arrays.asList(parts).subList(1, parts.length)));
			}
		}
		return terms;
	}

	private static @Nullable Integer nullableInt(ResultSet rs, int column) throws java.sql.SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	private static @Nullable Long nullableLong(ResultSet rs, int column) throws java.sql.SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static @Nullable Double nullableDouble(ResultSet rs, int column) throws java.sql.SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	/**
	 * A run's clusters.
	 *
	 * @param runId the run
	 * @param variables the variables clustered on
	 * @param k the number of clusters
	 * @param suggestedK the K the silhouette suggested, {@code null} when a manager set K
	 * @param customers the customers clustered
	 * @param previousRunId the run compared with, {@code null} for the first
	 * @param adjustedRand the adjusted Rand index against that run
	 * @param comparedCustomers the customers clustered in both runs
	 * @param discriminantCorrect the customers the discriminant trained on the clusters
	 * placed in their own cluster under cross-validation, {@code null} without one
	 * @param discriminantRows the customers it was cross-validated on
	 * @param clusters the clusters, by code
	 * @param diagnostics the K curves, principal components and hierarchy, {@code null}
	 * for runs made before they were kept
	 * @param preparation the prepared columns and the values missing per variable,
	 * {@code null} for runs made before they were kept
	 * @param levelNames the English and Chinese names of the region and industry levels,
	 * by {@code variable=level}
	 */
	@NamedInterface("clustertier")
	public record Report(long runId, List<String> variables, int k, @Nullable Integer suggestedK, long customers,
			@Nullable Long previousRunId, @Nullable Double adjustedRand, @Nullable Long comparedCustomers,
			@Nullable Long discriminantCorrect, @Nullable Long discriminantRows, List<Cluster> clusters,
			@Nullable ClusterDiagnostics diagnostics, @Nullable ClusterPreparation preparation,
			Map<String, List<String>> levelNames) {

		/**
		 * The name of a level that is data (a region's or an industry's).
		 * @param variable the variable's name
		 * @param level the level
		 * @param chinese whether the Chinese name is wanted
		 * @return the name, {@code null} for a level that is not data
		 */
		public @Nullable String levelName(String variable, String level, boolean chinese) {
			List<String> names = this.levelNames.get(variable + "=" + level);
			return (names != null) ? names.get(chinese ? 1 : 0) : null;
		}

		/**
		 * The indicator columns clustered on.
		 * @return their names, {@code variable=level}
		 */
		public List<String> indicatorColumns() {
			return (this.preparation != null) ? this.preparation.columns()
				.stream()
				.filter((column) -> ClusterPreparation.levelOf(column) != null)
				.toList() : List.of();
		}

		/**
		 * The variables with values missing, and how many, for the page.
		 * @return the summaries of the variables with at least one value missing
		 */
		public List<VariableSummary> missing() {
			return (this.preparation != null)
					? this.preparation.variables().stream().filter((variable) -> variable.missing() > 0).toList()
					: List.of();
		}

		/**
		 * Whether a variable is a category (one-hot encoded).
		 * @param name the variable's name
		 * @return {@code true} for a category
		 */
		public boolean categorical(String name) {
			return ClusterVariable.byName(name).categorical();
		}

		/** The discriminant's cross-validated accuracy, {@code null} without one. */
		public @Nullable Double discriminantShare() {
			return (this.discriminantCorrect != null && this.discriminantRows != null && this.discriminantRows > 0)
					? (double) this.discriminantCorrect / this.discriminantRows : null;
		}

	}

	/**
	 * One cluster.
	 *
	 * @param tier its tier code, such as {@code CLUSTER:C01}
	 * @param classCode its class code
	 * @param customers its customers
	 * @param revenueShare its share of the clustered customers' revenue
	 * @param profitShare its share of their gross profit
	 * @param name the suggested name as message keys
	 * @param previousDistance how far its centre moved since the previous run, in
	 * standard deviations; {@code null} when it is new
	 * @param variables its profile of the numeric variables
	 * @param categories its most frequent levels of each categorical variable
	 */
	@NamedInterface("clustertier")
	public record Cluster(String tier, String classCode, long customers, @Nullable Double revenueShare,
			@Nullable Double profitShare, List<ClusterProfile.NameTerm> name, @Nullable Double previousDistance,
			List<Variable> variables, List<Category> categories) {

	}

	/**
	 * One of a cluster's most frequent levels of a categorical variable.
	 *
	 * @param variable the variable's name
	 * @param level the level (a code for region and industry)
	 * @param share its share of the cluster's customers
	 * @param overallShare its share of all clustered customers
	 */
	@NamedInterface("clustertier")
	public record Category(String variable, String level, double share, double overallShare) {

	}

	/**
	 * One variable of a cluster.
	 *
	 * @param name the variable's name
	 * @param mean the cluster's mean in the variable's units
	 * @param zScore the cluster's mean against everyone clustered, in standard deviations
	 */
	@NamedInterface("clustertier")
	public record Variable(String name, @Nullable Double mean, double zScore) {

	}

}
