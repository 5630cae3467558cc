package com.tiercrm.tiering.clustertier;

import java.util.List;
import java.util.Map;

/**
 * A published run's clusters, for the next run to continue.
 *
 * @param runId the run
 * @param variables the variables' names, in the order of each centre's values
 * @param centres each cluster's centre by class code, in the variables' transformed units
 * (before standardisation)
 */
record PreviousClusters(long runId, List<String> variables, Map<String, double[]> centres) {

	PreviousClusters {
		variables = List.copyOf(variables);
		centres = Map.copyOf(centres);
	}

}
