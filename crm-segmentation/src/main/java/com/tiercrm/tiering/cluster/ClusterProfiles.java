package com.tiercrm.tiering.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Profiles of the clusters of a segmentation, with suggested names.
 */
public final class ClusterProfiles {

	/**
	 * A variable whose cluster mean is at least this many standard deviations from
	 * everyone's describes the cluster ("high frequency").
	 */
	public static final double NOTABLE_Z = 0.5;

	/** The most variables a suggested name mentions. */
	public static final int NAME_TERMS = 3;

	/** Levels listed per categorical variable. */
	public static final int TOP_CATEGORIES = 3;

	/**
	 * A level names a cluster when it covers at least this share of the cluster and is
	 * this many times more frequent there than overall.
	 */
	static final double NOTABLE_LEVEL_SHARE = 0.5;

	static final double NOTABLE_LEVEL_LIFT = 1.5;

	private ClusterProfiles() {
	}

	/**
	 * Profiles each cluster.
	 * @param prepared the prepared variables the clusters were made from
	 * @param labels each row's cluster
	 * @param k the number of clusters
	 * @param revenue each row's revenue, or {@code null}
	 * @param profit each row's profit, or {@code null}
	 * @return one profile per cluster, in cluster order
	 */
	public static List<ClusterProfile> of(PreparedData prepared, int[] labels, int k, double @Nullable [] revenue,
			double @Nullable [] profit) {
		ClusterInput input = prepared.input();
		int n = labels.length;
		if (n != input.rows()) {
			throw new IllegalArgumentException(n + " labels for " + input.rows() + " rows");
		}
		int[] sizes = new int[k];
		for (int label : labels) {
			sizes[label]++;
		}
		double[] revenueShares = shares(revenue, labels, k);
		double[] profitShares = shares(profit, labels, k);
		List<List<ClusterProfile.VariableProfile>> variables = numericProfiles(prepared, labels, sizes);
		List<List<ClusterProfile.CategoryShare>> categories = categoryProfiles(input, labels, sizes);
		List<ClusterProfile> profiles = new ArrayList<>();
		for (int c = 0; c < k; c++) {
			profiles.add(new ClusterProfile(c, sizes[c], (n > 0) ? (double) sizes[c] / n : 0, revenueShares[c],
					profitShares[c], variables.get(c), categories.get(c), name(variables.get(c), categories.get(c))));
		}
		return profiles;
	}

	/**
	 * The notable variables, strongest first, then a dominant category; a cluster with
	 * neither is {@code cluster.name.typical}.
	 */
	static List<ClusterProfile.NameTerm> name(List<ClusterProfile.VariableProfile> variables,
			List<ClusterProfile.CategoryShare> categories) {
		List<ClusterProfile.NameTerm> terms = new ArrayList<>();
		variables.stream()
			.filter((variable) -> Math.abs(variable.zScore()) >= NOTABLE_Z)
			.sorted(Comparator
				.comparingDouble((ClusterProfile.VariableProfile variable) -> -Math.abs(variable.zScore())))
			.limit(NAME_TERMS)
			.forEach((variable) -> terms.add(new ClusterProfile.NameTerm(
					"cluster.name." + variable.variable() + ((variable.zScore() > 0) ? ".high" : ".low"), List.of())));
		categories.stream()
			.filter((category) -> category.share() >= NOTABLE_LEVEL_SHARE
					&& category.share() >= NOTABLE_LEVEL_LIFT * category.overallShare())
			.max(Comparator.comparingDouble(ClusterProfile.CategoryShare::share))
			.ifPresent(
					(category) -> terms.add(new ClusterProfile.NameTerm("cluster.name.category." + category.variable(),
							List.of(category.level()))));
		if (terms.isEmpty()) {
			terms.add(new ClusterProfile.NameTerm("cluster.name.typical", List.of()));
		}
		return terms;
	}

	private static double[] shares(double @Nullable [] amounts, int[] labels, int k) {
		double[] shares = new double[k];
		if (amounts == null) {
			Arrays.fill(shares, Double.NaN);
			return shares;
		}
		double total = 0;
		for (int r = 0; r < labels.length; r++) {
			shares[labels[r]] += amounts[r];
			total += amounts[r];
		}
		for (int c = 0; c < k; c++) {
			shares[c] = (total != 0) ? shares[c] / total : Double.NaN;
		}
		return shares;
	}

	/**
	 * Means in the variables' units, and z-scores read from the prepared matrix: its
	 * numeric columns are standardised, so a cluster's mean there is its z-score.
	 */
	private static List<List<ClusterProfile.VariableProfile>> numericProfiles(PreparedData prepared, int[] labels,
			int[] sizes) {
		int k = sizes.length;
		DataMatrix matrix = prepared.matrix();
		List<List<ClusterProfile.VariableProfile>> profiles = new ArrayList<>();
		for (int c = 0; c < k; c++) {
			profiles.add(new ArrayList<>());
		}
		List<NumericVariable> numeric = prepared.input().numeric();
		for (int v = 0; v < numeric.size(); v++) {
			double[] values = numeric.get(v).values();
			double[] sums = new double[k];
			int[] present = new int[k];
			double[] zSums = new double[k];
			for (int r = 0; r < labels.length; r++) {
				int c = labels[r];
				if (Double.isFinite(values[r])) {
					sums[c] += values[r];
					present[c]++;
				}
				zSums[c] += matrix.get(r, v);
			}
			for (int c = 0; c < k; c++) {
				profiles.get(c)
					.add(new ClusterProfile.VariableProfile(numeric.get(v).name(),
							(present[c] > 0) ? sums[c] / present[c] : Double.NaN,
							(sizes[c] > 0) ? zSums[c] / sizes[c] : 0, sizes[c] - present[c]));
			}
		}
		return profiles;
	}

	private static List<List<ClusterProfile.CategoryShare>> categoryProfiles(ClusterInput input, int[] labels,
			int[] sizes) {
		int k = sizes.length;
		List<List<ClusterProfile.CategoryShare>> profiles = new ArrayList<>();
		for (int c = 0; c < k; c++) {
			profiles.add(new ArrayList<>());
		}
		for (CategoricalVariable variable : input.categorical()) {
			List<Map<String, Integer>> counts = new ArrayList<>();
			for (int c = 0; c < k; c++) {
				counts.add(new HashMap<>());
			}
			Map<String, Integer> overall = new HashMap<>();
			for (int r = 0; r < labels.length; r++) {
				String level = variable.values()[r];
				if (level != null) {
					counts.get(labels[r]).merge(level, 1, Integer::sum);
					overall.merge(level, 1, Integer::sum);
				}
			}
			for (int c = 0; c < k; c++) {
				int size = sizes[c];
				for (Map.Entry<String, Integer> level : ClusterAnalysis.mostFrequent(counts.get(c), TOP_CATEGORIES)) {
					profiles.get(c)
						.add(new ClusterProfile.CategoryShare(variable.name(), level.getKey(),
								(double) level.getValue() / size,
								(double) overall.get(level.getKey()) / labels.length));
				}
			}
		}
		return profiles;
	}

}
