package com.tiercrm.tiering.clustertier;

import java.util.List;

import com.tiercrm.tiering.cluster.VariableSummary;

import org.springframework.modulith.NamedInterface;

/**
 * How a run's variables became the columns clustered on, as kept with the run: the
 * columns in order, and per variable what was missing (imputed, never dropped) and how
 * many indicator columns a category made.
 *
 * @param columns the prepared columns: a numeric variable's name, {@code variable=level}
 * for a category's indicator
 * @param variables one summary per variable chosen
 */
@NamedInterface("clustertier")
public record ClusterPreparation(List<String> columns, List<VariableSummary> variables) {

	public ClusterPreparation {
		columns = List.copyOf(columns);
		variables = List.copyOf(variables);
	}

	/**
	 * The variable a column comes from.
	 * @param column a column's name
	 * @return its variable's name
	 */
	public static String variableOf(String column) {
		int at = column.indexOf('=');
		return (at >= 0) ? column.substring(0, at) : column;
	}

	/**
	 * The level of an indicator column.
	 * @param column a column's name
	 * @return the level, {@code null} for a numeric variable's column
	 */
	public static @org.jspecify.annotations.Nullable String levelOf(String column) {
		int at = column.indexOf('=');
		return (at >= 0) ? column.substring(at + 1) : null;
	}

}
