package com.tiercrm.tiering.clustertier;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.tiercrm.tiering.cluster.Lda;
import com.tiercrm.tiering.cluster.VariableSummary;
import org.jspecify.annotations.Nullable;

/**
 * The clusters of one run or preview, column-wise per customer in the order of the facts.
 *
 * @param numbers each customer's cluster number, 1 for {@code C01}; 0 for a customer who
 * never bought
 * @param distances each customer's distance to its cluster's centre, in standard
 * deviations (NaN for a customer who never bought)
 * @param runnersUp the number of the next nearest cluster, 0 when there is none
 * @param runnerUpDistances the distance to that cluster's centre, NaN when there is none
 * @param variables the names of the prepared columns clustered on: a numeric variable's
 * name, {@code variable=level} for a category's indicator
 * @param clusters every cluster, by class code
 * @param suggestedK the K the silhouette suggested, {@code null} when a manager set K
 * @param previousRunId the run whose clusters these continue, {@code null} when none
 * @param discriminantAccuracy the cross-validated accuracy of the linear discriminant
 * trained on these clusters, {@code null} when there were too few customers to train one
 * @param diagnostics the K curves, principal components and hierarchy that help choose K
 * and the variables, {@code null} when nobody bought
 * @param summaries per variable, the values missing (imputed, never dropped) and the
 * indicator columns made
 */
record ClusterOutcome(int[] numbers, double[] distances, int[] runnersUp, double[] runnerUpDistances,
		List<String> variables, List<ClusterFigures> clusters, @Nullable Integer suggestedK,
		@Nullable Long previousRunId, Lda.@Nullable Accuracy discriminantAccuracy,
		@Nullable ClusterDiagnostics diagnostics, List<VariableSummary> summaries) {

	ClusterOutcome {
		variables = List.copyOf(variables);
		clusters = List.copyOf(clusters);
		summaries = List.copyOf(summaries);
	}

	/** How many customers were clustered (all who bought). */
	int clustered() {
		return this.clusters.stream().mapToInt(ClusterFigures::customers).sum();
	}

	/**
	 * These clusters as the next run will read them back.
	 * @param runId the run they belong to
	 * @return their centres
	 */
	PreviousClusters asPrevious(long runId) {
		Map<String, double[]> centres = new HashMap<>();
		for (ClusterFigures cluster : this.clusters) {
			centres.put(cluster.classCode(),
					cluster.variables().stream().mapToDouble(ClusterFigures.Centre::centre).toArray());
		}
		return new PreviousClusters(runId, this.variables, centres);
	}

	static String classCode(int number) {
		return String.format(Locale.ROOT, "C%02d", number);
	}

	/**
	 * The number of a class code, such as 3 for {@code C03}; 0 for any other class.
	 */
	static int number(String classCode) {
		if (classCode.length() == 3 && classCode.charAt(0) == 'C' && Character.isDigit(classCode.charAt(1))
				&& Character.isDigit(classCode.charAt(2))) {
			return Integer.parseInt(classCode.substring(1));
		}
		return 0;
	}

}
