package com.tiercrm.tiering.clustertier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.tiercrm.tiering.cluster.Lda;
import com.tiercrm.tiering.model.CustomerFacts;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * The linear discriminant trained on a published run's clusters: it places a customer the
 * run did not cluster in the cluster whose function is largest, without rerunning k-means
 * and without moving the clusters. The functions work on the variables in their
 * transformed units, so the run's means and standard deviations are not needed.
 *
 * @param runId the run whose clusters it was trained on
 * @param variables the variables' names, in the order of each function's weights
 * @param functions one function per cluster, by class code
 * @param accuracy its cross-validated accuracy on the run's customers
 */
@NamedInterface("clustertier")
public record Discriminant(long runId, List<String> variables, List<Function> functions, Lda.Accuracy accuracy) {

	/**
	 * Places a customer described by the variables' values.
	 * @param values each variable's value in its own units (days, amounts, counts), by
	 * name; a variable that is absent or not a finite number counts as missing, as in the
	 * run
	 * @return the cluster and the probability of each
	 */
	public Placement place(Map<String, Double> values) {
		int d = this.variables.size();
		double[] x = new double[d];
		boolean[] absent = new boolean[d];
		List<String> missing = new ArrayList<>();
		for (int j = 0; j < d; j++) {
			String name = this.variables.get(j);
			Double value = values.get(name);
			if (value == null || !Double.isFinite(value)) {
				absent[j] = true;
				missing.add(name);
			}
			else {
				x[j] = ClusterVariable.byName(name).transformed(value);
			}
		}
		double[] scores = new double[this.functions.size()];
		double best = Double.NEGATIVE_INFINITY;
		int bestAt = 0;
		for (int c = 0; c < scores.length; c++) {
			Function function = this.functions.get(c);
			double score = function.constant();
			for (int j = 0; j < d; j++) {
				score += absent[j] ? function.missing()[j] : function.weights()[j] * x[j];
			}
			scores[c] = score;
			if (score > best) {
				best = score;
				bestAt = c;
			}
		}
		// The functions are log posteriors up to a shared constant.
		double sum = 0;
		for (int c = 0; c < scores.length; c++) {
			scores[c] = Math.exp(scores[c] - best);
			sum += scores[c];
		}
		Map<String, Double> probabilities = new LinkedHashMap<>();
		for (int c = 0; c < scores.length; c++) {
			probabilities.put(this.functions.get(c).classCode(), scores[c] / sum);
		}
		return new Placement(this.runId, this.functions.get(bestAt).classCode(), probabilities, missing, true);
	}

	/**
	 * The values of the variables for a customer who bought, by name.
	 * @param facts the customer's facts
	 * @return the values, in the variables' own units
	 */
	Map<String, Double> values(CustomerFacts facts) {
		Map<String, Double> values = new LinkedHashMap<>();
		for (String name : this.variables) {
			values.put(name, ClusterVariable.byName(name).of(facts));
		}
		return values;
	}

	/**
	 * One cluster's discriminant function.
	 *
	 * @param classCode the cluster, such as {@code C01}
	 * @param constant its constant
	 * @param weights per variable, its weight per transformed unit
	 * @param missing per variable, what it adds when the value is missing
	 */
	@NamedInterface("clustertier")
	public record Function(String classCode, double constant, double[] weights, double[] missing) {

	}

	/**
	 * Where a customer is placed.
	 *
	 * @param runId the run whose clusters they are placed in
	 * @param classCode the cluster
	 * @param probabilities each cluster's posterior probability, by class code
	 * @param missingVariables the variables that had no value
	 * @param provisional whether the discriminant placed the customer (until the next
	 * run), rather than the run itself
	 */
	@NamedInterface("clustertier")
	public record Placement(long runId, String classCode, Map<String, Double> probabilities,
			List<String> missingVariables, boolean provisional) {

		/** The tier placed in, such as {@code CLUSTER:C02}. */
		public String tier() {
			return ClusterTierModel.CODE + ":" + this.classCode;
		}

		/**
		 * The probability of the cluster placed in; NaN for a cluster the run itself
		 * gave.
		 */
		public double probability() {
			@Nullable Double probability = this.probabilities.get(this.classCode);
			return (probability != null) ? probability : Double.NaN;
		}

	}

}
