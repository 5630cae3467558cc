package com.tiercrm.tiering.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prepares customer variables for clustering: distances only mean something when every
 * variable counts on the same scale.
 */
public final class ClusterAnalysis {

	/**
	 * The most frequent levels of a categorical variable that get an indicator column;
	 * the rest are counted as rare. Without a cap, a free-text-like category would add
	 * hundreds of columns and drown the numeric variables.
	 */
	public static final int MAX_LEVELS = 20;

	private ClusterAnalysis() {
	}

	/**
	 * Standardises the numeric variables (after {@code log1p} where asked), imputes a
	 * missing value with the variable's mean (0 once standardised) and counts it, and
	 * one-hot encodes the categorical variables as 0/1 columns. Indicators are left
	 * unstandardised: dividing by the standard deviation of a rare level would put its
	 * few rows far from everyone and make them a cluster of their own.
	 * @param input the variables
	 * @return the prepared matrix and what was done
	 */
	public static PreparedData prepare(ClusterInput input) {
		List<PreparedColumn> columns = new ArrayList<>();
		List<VariableSummary> summaries = new ArrayList<>();
		for (NumericVariable variable : input.numeric()) {
			double sum = 0;
			int present = 0;
			for (int row = 0; row < variable.values().length; row++) {
				double value = variable.transformed(row);
				if (Double.isFinite(value)) {
					sum += value;
					present++;
				}
			}
			double mean = (present > 0) ? sum / present : 0;
			double squares = 0;
			for (int row = 0; row < variable.values().length; row++) {
				double value = variable.transformed(row);
				if (Double.isFinite(value)) {
					squares += (value - mean) * (value - mean);
				}
			}
			double deviation = (present > 0) ? Math.sqrt(squares / present) : 0;
			columns.add(new PreparedColumn(variable.name(), variable.name(), null, mean, deviation));
			summaries.add(new VariableSummary(variable.name(), variable.values().length - present, 0, 0));
		}
		for (CategoricalVariable variable : input.categorical()) {
			Map<String, Integer> counts = new HashMap<>();
			int missing = 0;
			for (String level : variable.values()) {
				if (level == null) {
					missing++;
				}
				else {
					counts.merge(level, 1, Integer::sum);
				}
			}
			List<Map.Entry<String, Integer>> levels = mostFrequent(counts, MAX_LEVELS);
			int kept = 0;
			for (Map.Entry<String, Integer> level : levels) {
				kept += level.getValue();
				columns.add(new PreparedColumn(variable.name() + "=" + level.getKey(), variable.name(), level.getKey(),
						(double) level.getValue() / variable.values().length, 1));
			}
			summaries.add(new VariableSummary(variable.name(), missing, levels.size(),
					variable.values().length - missing - kept));
		}
		return new PreparedData(input, apply(input, columns), columns, summaries);
	}

	/**
	 * Fills the matrix column by column: the input is column-wise, and writing one
	 * variable at a time keeps its transform out of the inner loop.
	 */
	static DataMatrix apply(ClusterInput input, List<PreparedColumn> columns) {
		int rows = input.rows();
		int width = columns.size();
		double[] values = new double[rows * width];
		int column = 0;
		for (NumericVariable variable : input.numeric()) {
			PreparedColumn prepared = columns.get(column);
			requireSame(prepared.variable(), variable.name());
			double scale = (prepared.standardDeviation() > 0) ? 1 / prepared.standardDeviation() : 0;
			for (int row = 0; row < rows; row++) {
				double value = variable.transformed(row);
				values[row * width + column] = Double.isFinite(value) ? (value - prepared.mean()) * scale : 0;
			}
			column++;
		}
		for (CategoricalVariable variable : input.categorical()) {
			Map<String, Integer> indicators = new HashMap<>();
			while (column < width && columns.get(column).variable().equals(variable.name())) {
				indicators.put(columns.get(column).level(), column);
				column++;
			}
			for (int row = 0; row < rows; row++) {
				String level = variable.values()[row];
				Integer indicator = (level != null) ? indicators.get(level) : null;
				if (indicator != null) {
					values[row * width + indicator] = 1;
				}
			}
		}
		if (column != width) {
			throw new IllegalArgumentException("The rows do not have the variables prepared before");
		}
		return new DataMatrix(rows, width, values, columns.stream().map(PreparedColumn::name).toList());
	}

	/**
	 * The most frequent levels, ties in alphabetical order so that the columns are the
	 * same from run to run.
	 */
	static List<Map.Entry<String, Integer>> mostFrequent(Map<String, Integer> counts, int limit) {
		return counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
				.thenComparing(Map.Entry.comparingByKey()))
			.limit(limit)
			.toList();
	}

	private static void requireSame(String expected, String actual) {
		if (!expected.equals(actual)) {
			throw new IllegalArgumentException("Expected variable " + expected + " but got " + actual);
		}
	}

}
