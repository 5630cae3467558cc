package com.tiercrm.tiering.cluster;

import java.util.List;

/**
 * The matrix to cluster, with how each column was made and what was missing.
 *
 * @param input the variables as given (profiles report means in their units)
 * @param matrix the prepared matrix: numeric variables transformed and standardised,
 * categories one-hot encoded
 * @param columns one description per matrix column
 * @param variables one summary per input variable, numeric first
 */
public record PreparedData(ClusterInput input, DataMatrix matrix, List<PreparedColumn> columns,
		List<VariableSummary> variables) {

	public PreparedData {
		columns = List.copyOf(columns);
		variables = List.copyOf(variables);
	}

	/**
	 * Prepares new rows the way these were prepared: same transforms, means, standard
	 * deviations and levels (a level not seen here sets no indicator).
	 * @param rows new rows with the same variables, in the same order
	 * @return their matrix, with the same columns
	 */
	public DataMatrix prepareLike(ClusterInput rows) {
		return ClusterAnalysis.apply(rows, this.columns);
	}

}
