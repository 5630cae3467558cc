package com.tiercrm.tiering.cluster;

import java.util.List;

/**
 * The variables a segmentation clusters on, column by column, all of the same length.
 *
 * @param numeric the numeric variables
 * @param categorical the categorical variables, one-hot encoded by the preparation
 */
public record ClusterInput(List<NumericVariable> numeric, List<CategoricalVariable> categorical) {

	public ClusterInput {
		numeric = List.copyOf(numeric);
		categorical = List.copyOf(categorical);
		if (numeric.isEmpty() && categorical.isEmpty()) {
			throw new IllegalArgumentException("No variables to cluster on");
		}
		int rows = rows(numeric, categorical);
		for (NumericVariable variable : numeric) {
			requireRows(variable.name(), variable.values().length, rows);
		}
		for (CategoricalVariable variable : categorical) {
			requireRows(variable.name(), variable.values().length, rows);
		}
	}

	public static ClusterInput numeric(List<NumericVariable> numeric) {
		return new ClusterInput(numeric, List.of());
	}

	public int rows() {
		return rows(this.numeric, this.categorical);
	}

	private static int rows(List<NumericVariable> numeric, List<CategoricalVariable> categorical) {
		return numeric.isEmpty() ? categorical.get(0).values().length : numeric.get(0).values().length;
	}

	private static void requireRows(String name, int length, int rows) {
		if (length != rows) {
			throw new IllegalArgumentException("Variable " + name + " has " + length + " rows, not " + rows);
		}
	}

}
