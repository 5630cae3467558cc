package com.tiercrm.tiering.clustertier;

import java.util.List;

import com.tiercrm.tiering.cluster.ClusterProfile;

/**
 * One cluster of a run, as kept with the run: its size, shares, suggested name and
 * centre.
 *
 * @param classCode its class code, such as {@code C01}
 * @param customers its customers
 * @param revenueShare its share of the clustered customers' revenue (NaN without revenue)
 * @param profitShare its share of their gross profit (NaN without profit)
 * @param name the suggested name, as message keys
 * @param previousDistance how far its centre moved from the previous run's cluster of the
 * same code, in standard deviations; NaN for a new cluster
 * @param variables its centre and profile, one per variable clustered on
 * @param discriminantConstant the constant of its linear discriminant function, for the
 * variables in their transformed units; NaN when the run trained no discriminant
 * @param categories the most frequent levels of each categorical variable in the cluster
 */
record ClusterFigures(String classCode, int customers, double revenueShare, double profitShare,
		List<ClusterProfile.NameTerm> name, double previousDistance, List<Centre> variables,
		double discriminantConstant, List<ClusterProfile.CategoryShare> categories) {

	ClusterFigures {
		categories = List.copyOf(categories);
		name = List.copyOf(name);
		variables = List.copyOf(variables);
	}

	/**
	 * One variable of a cluster.
	 *
	 * @param variable the variable's name
	 * @param centre the centre in the variable's transformed units
	 * @param mean the cluster's mean in the variable's own units (NaN if all missing)
	 * @param zScore the cluster's mean against all clustered customers, in standard
	 * deviations
	 * @param discriminantWeight the variable's weight in the cluster's linear
	 * discriminant function, per transformed unit; NaN without a discriminant
	 * @param discriminantMissing what the variable adds to that function when a customer
	 * has no value for it (the discriminant was trained with missing values at the mean);
	 * NaN without a discriminant
	 */
	record Centre(String variable, double centre, double mean, double zScore, double discriminantWeight,
			double discriminantMissing) {

	}

}
