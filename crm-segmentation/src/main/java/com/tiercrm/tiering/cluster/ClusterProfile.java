package com.tiercrm.tiering.cluster;

import java.util.List;

/**
 * What sets one cluster apart, for the analyst who names and acts on it.
 *
 * @param cluster the cluster's number
 * @param size its rows
 * @param share its share of all rows
 * @param revenueShare its share of total revenue (NaN when no revenue was given)
 * @param profitShare its share of total profit (NaN when no profit was given)
 * @param variables each numeric variable's mean and z-score
 * @param topCategories the most frequent levels of each categorical variable
 * @param name a suggested name, as message keys with arguments (the words are in the
 * bundles, not here)
 */
public record ClusterProfile(int cluster, int size, double share, double revenueShare, double profitShare,
		List<VariableProfile> variables, List<CategoryShare> topCategories, List<NameTerm> name) {

	public ClusterProfile {
		variables = List.copyOf(variables);
		topCategories = List.copyOf(topCategories);
		name = List.copyOf(name);
	}

	/**
	 * One numeric variable in one cluster.
	 *
	 * @param variable the variable's name
	 * @param mean the cluster's mean in the variable's own units, missing values left out
	 * @param zScore the cluster's mean on the scale clustered on (after {@code log1p} and
	 * standardisation, imputed values at 0) less everyone's, in standard deviations
	 * @param missing the cluster's rows where the variable was missing
	 */
	public record VariableProfile(String variable, double mean, double zScore, int missing) {

	}

	/**
	 * One level of a categorical variable in one cluster.
	 *
	 * @param variable the variable's name
	 * @param level the level
	 * @param share its share of the cluster's rows
	 * @param overallShare its share of all rows, to compare with
	 */
	public record CategoryShare(String variable, String level, double share, double overallShare) {

	}

	/**
	 * One part of a suggested name, for instance {@code cluster.name.frequency.high}, or
	 * {@code cluster.name.category.region} with the level as argument.
	 *
	 * @param key the message key
	 * @param arguments its arguments
	 */
	public record NameTerm(String key, List<String> arguments) {

		public NameTerm {
			arguments = List.copyOf(arguments);
		}

	}

}
