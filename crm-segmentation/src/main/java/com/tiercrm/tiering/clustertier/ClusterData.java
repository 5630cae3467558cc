package com.tiercrm.tiering.clustertier;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.tiercrm.tiering.model.CustomerFacts;
import org.jspecify.annotations.Nullable;

/**
 * Every customer's values of the variables chosen, row by row in the order of the facts:
 * the order facts themselves, and column arrays for the other variables (NaN or
 * {@code null} where missing).
 *
 * @param facts every customer's order facts
 * @param numbers the numeric variables that are not order facts, one value per row
 * @param categories the categorical variables, one level per row
 */
record ClusterData(List<CustomerFacts> facts, Map<ClusterVariable, double[]> numbers,
		Map<ClusterVariable, @Nullable String[]> categories) {

	ClusterData {
		numbers = copy(numbers);
		categories = copy(categories);
		for (double[] values : numbers.values()) {
			requireRows(values.length, facts.size());
		}
		for (String[] values : categories.values()) {
			requireRows(values.length, facts.size());
		}
	}

	/** The order facts alone. */
	static ClusterData of(List<CustomerFacts> facts) {
		return new ClusterData(facts, Map.of(), Map.of());
	}

	int size() {
		return this.facts.size();
	}

	/**
	 * A numeric variable's value in a row, NaN where missing.
	 * @throws IllegalStateException when the variable was not read
	 */
	double number(ClusterVariable variable, int row) {
		if (variable.source() == ClusterVariable.Source.ORDERS) {
			return variable.of(this.facts.get(row));
		}
		double[] values = this.numbers.get(variable);
		if (values == null) {
			throw new IllegalStateException("The values of " + variable.variableName() + " were not read");
		}
		return values[row];
	}

	/**
	 * A categorical variable's level in a row, {@code null} where missing.
	 * @throws IllegalStateException when the variable was not read
	 */
	@Nullable String category(ClusterVariable variable, int row) {
		@Nullable String[] values = this.categories.get(variable);
		if (values == null) {
			throw new IllegalStateException("The values of " + variable.variableName() + " were not read");
		}
		return values[row];
	}

	private static <V> Map<ClusterVariable, V> copy(Map<ClusterVariable, V> values) {
		Map<ClusterVariable, V> copy = new EnumMap<>(ClusterVariable.class);
		copy.putAll(values);
		return copy;
	}

	private static void requireRows(int length, int rows) {
		if (length != rows) {
			throw new IllegalArgumentException(length + " values for " + rows + " customers");
		}
	}

}
