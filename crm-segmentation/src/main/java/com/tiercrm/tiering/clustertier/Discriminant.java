package com.tiercrm.tiering.clustertier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

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
	 * Places a customer described by numeric variables' values only.
	 * @param values each variable's value in its own units, by name
	 * @return the cluster and the probability of each
	 */
	public Placement place(Map<String, Double> values) {
		return place(values, Map.of());
	}

	/**
	 * Places a customer described by the variables' values.
	 * @param values each numeric variable's value in its own units (days, amounts,
	 * counts), by name; a variable that is absent or not a finite number counts as
	 * missing, as in the run
	 * @param categories each categorical variable's level, by name; an absent one counts
	 * as missing (no indicator set, as in the run), and so does a level the run gave no
	 * column of its own
	 * @return the cluster and the probability of each
	 */
	public Placement place(Map<String, Double> values, Map<String, String> categories) {
		int d = this.variables.size();
		double[] x = new double[d];
		boolean[] absent = new boolean[d];
		Set<String> missing = new LinkedHashSet<>();
		for (int j = 0; j < d; j++) {
			String column = this.variables.get(j);
			String level = ClusterPreparation.levelOf(column);
			if (level != null) {
				String given = categories.get(ClusterPreparation.variableOf(column));
				if (given == null) {
					absent[j] = true;
					missing.add(ClusterPreparation.variableOf(column));
				}
				else {
					x[j] = level.equals(given) ? 1 : 0;
				}
				continue;
			}
			Double value = values.get(column);
			if (value == null || !Double.isFinite(value)) {
				absent[j] = true;
				missing.add(column);
			}
			else {
				x[j] = ClusterVariable.byName(column).transformed(value);
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
		return new Placement(this.runId, this.functions.get(bestAt).classCode(), probabilities, List.copyOf(missing),
				true);
	}

	/**
	 * The variables the functions read, in column order: each numeric variable, and each
	 * categorical variable once.
	 * @return their names
	 */
	public List<String> variableNames() {
		return this.variables.stream().map(ClusterPreparation::variableOf).distinct().toList();
	}

	/**
	 * The numeric variables the functions read.
	 * @return their names
	 */
	public List<String> numericVariables() {
		return this.variables.stream().filter((column) -> ClusterPreparation.levelOf(column) == null).toList();
	}

	/**
	 * The levels with a column of their own, per categorical variable: the levels a
	 * customer described to the functions may have.
	 * @return the levels by variable name, in column order
	 */
	public Map<String, List<String>> levels() {
		Map<String, List<String>> levels = new LinkedHashMap<>();
		for (String column : this.variables) {
			String level = ClusterPreparation.levelOf(column);
			if (level != null) {
				levels.computeIfAbsent(ClusterPreparation.variableOf(column), (name) -> new ArrayList<>()).add(level);
			}
		}
		return levels;
	}

	/**
	 * Places a customer whose values were read like a run's.
	 * @param data one customer's facts and values (row 0)
	 * @return the placement
	 */
	Placement place(ClusterData data) {
		Map<String, Double> values = new LinkedHashMap<>();
		Map<String, String> categories = new LinkedHashMap<>();
		for (String name : variableNames()) {
			ClusterVariable variable = ClusterVariable.byName(name);
			if (variable.categorical()) {
				String level = data.category(variable, 0);
				if (level != null) {
					categories.put(name, level);
				}
			}
			else {
				values.put(name, data.number(variable, 0));
			}
		}
		return place(values, categories);
	}

	/**
	 * The values of the numeric order-fact variables for a customer who bought, by name.
	 * @param facts the customer's facts
	 * @return the values, in the variables' own units
	 */
	Map<String, Double> values(CustomerFacts facts) {
		Map<String, Double> values = new LinkedHashMap<>();
		for (String name : numericVariables()) {
			ClusterVariable variable = ClusterVariable.byName(name);
			if (variable.source() == ClusterVariable.Source.ORDERS) {
				values.put(name, variable.of(facts));
			}
		}
		return values;
	}

	/** The variables to read for a customer. */
	List<ClusterVariable> clusterVariables() {
		return variableNames().stream().map(ClusterVariable::byName).toList();
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
