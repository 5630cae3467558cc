package com.tiercrm.tiering.cluster;

import org.jspecify.annotations.Nullable;

/**
 * How one column of the prepared matrix was made, so that new rows (for the discriminant)
 * are prepared exactly like the ones clustered.
 *
 * @param name the column's name: the variable's, or {@code variable=level} for an
 * indicator
 * @param variable the variable it comes from
 * @param level the category level for an indicator column, otherwise {@code null}
 * @param mean the mean subtracted (of the transformed values present); for an indicator
 * the share of rows at that level, not subtracted
 * @param standardDeviation the standard deviation divided by (population, as
 * scikit-learn's {@code StandardScaler}); 1 for an indicator
 */
public record PreparedColumn(String name, String variable, @Nullable String level, double mean,
		double standardDeviation) {

	public boolean indicator() {
		return this.level != null;
	}

}
