package com.tiercrm.tiering.clustertier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.stream.IntStream;

import com.tiercrm.tiering.cluster.AdjustedRand;
import com.tiercrm.tiering.cluster.Lda;
import com.tiercrm.tiering.cluster.VariableSummary;
import com.tiercrm.tiering.config.SegmentationSettings;
import com.tiercrm.tiering.model.CustomerFacts;
import com.tiercrm.tiering.model.Reason;
import com.tiercrm.tiering.run.Classification;
import com.tiercrm.tiering.run.ModelResults;
import com.tiercrm.tiering.run.ModelSetting;
import com.tiercrm.tiering.run.RunInputs;
import com.tiercrm.tiering.run.TierClass;
import com.tiercrm.tiering.run.TierModel;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * k-means clusters of the customers' behaviour as tiers ({@link ClusterTiering}):
 * {@code C01} to {@code C10}, {@code C01} the most valuable when first made, and each
 * cluster keeps its code from run to run. Classifying reads the published run's centres
 * and writes nothing, so previews can call it; a run's centres, profiles and stability
 * (the adjusted Rand index against the previous run) are kept when it is published.
 */
@Component
@Order(4)
class ClusterTierModel implements TierModel {

	static final String CODE = "CLUSTER";

	static final String K = "k";

	static final String STARTS = "starts";

	/** Fixed, so that the same facts give the same clusters. */
	static final long SEED = 13;

	private static final Log logger = LogFactory.getLog(ClusterTierModel.class);

	private static final List<TierClass> CLASSES = clusterClasses();

	private final RunClusters store;

	private final ClusterFactsReader reader;

	/**
	 * The clusters behind the results of runs not published yet, by the results object
	 * (weakly: a preview's are dropped with its results).
	 */
	private final Map<ModelResults, Pending> pending = Collections.synchronizedMap(new WeakHashMap<>());

	ClusterTierModel(RunClusters store, ClusterFactsReader reader) {
		this.store = store;
		this.reader = reader;
	}

	private static List<TierClass> clusterClasses() {
		List<TierClass> classes = new ArrayList<>();
		for (int number = 1; number <= ClusterTiering.MAX_CLUSTERS; number++) {
			classes.add(new TierClass(ClusterOutcome.classCode(number), "Cluster " + number, "第 " + number + " 群"));
		}
		classes.add(new TierClass(NO_PURCHASE, "No purchase yet", "尚未购买"));
		return List.copyOf(classes);
	}

	@Override
	public String code() {
		return CODE;
	}

	@Override
	public String labelEn() {
		return "Clusters";
	}

	@Override
	public String labelZh() {
		return "聚类分群";
	}

	@Override
	public List<TierClass> classes() {
		return CLASSES;
	}

	/** C01 to CK when K is set, all ten when the product suggests K. */
	@Override
	public List<String> classesInUse(SegmentationSettings settings) {
		int k = setting(settings, K);
		return CLASSES.subList(0, (k > 0) ? k : ClusterTiering.MAX_CLUSTERS).stream().map(TierClass::code).toList();
	}

	@Override
	public List<ModelSetting> settings() {
		List<ModelSetting> settings = new ArrayList<>();
		settings.add(new ModelSetting(K, "cluster.setting.k", 0, 0, ClusterTiering.MAX_CLUSTERS));
		settings.add(new ModelSetting(STARTS, "cluster.setting.starts", 10, 1, 50));
		for (ClusterVariable variable : ClusterVariable.values()) {
			settings.add(new ModelSetting(variable.settingName(), "cluster.setting." + variable.settingName(),
					variable.usedByDefault() ? 1 : 0, 0, 1));
		}
		return settings;
	}

	/**
	 * The options these settings give; with no variable switched on, the default ones.
	 */
	ClusterOptions options(SegmentationSettings settings) {
		List<ClusterVariable> variables = Arrays.stream(ClusterVariable.values())
			.filter((variable) -> setting(settings, variable.settingName()) == 1)
			.toList();
		if (variables.isEmpty()) {
			variables = Arrays.stream(ClusterVariable.values()).filter(ClusterVariable::usedByDefault).toList();
		}
		return new ClusterOptions(setting(settings, K), setting(settings, STARTS), variables, SEED);
	}

	/** P(alive) and the predicted value are the CLV model's results of the same run. */
	@Override
	public boolean needsClv(SegmentationSettings settings) {
		return options(settings).variables()
			.stream()
			.anyMatch((variable) -> variable.source() == ClusterVariable.Source.CLV);
	}

	/**
	 * Classifies as of today, all interactions counted, without the CLV results (P(alive)
	 * and the predicted value then count as missing).
	 */
	@Override
	public Classification classify(List<CustomerFacts> facts, SegmentationSettings settings) {
		return classify(facts, settings, new RunInputs(LocalDate.now(), 0, null, null));
	}

	@Override
	public Classification classify(List<CustomerFacts> facts, SegmentationSettings settings, RunInputs inputs) {
		ClusterOptions options = options(settings);
		ClusterData data = this.reader.read(facts, options.variables(), inputs);
		ClusterOutcome outcome = ClusterTiering.classify(data, options, this.store.published());
		Classification results = classification(this, facts, outcome);
		long[] customerIds = new long[facts.size()];
		for (int i = 0; i < customerIds.length; i++) {
			customerIds[i] = facts.get(i).customerId();
		}
		this.pending.put(results,
				new Pending(outcome.clusters(), outcome.numbers(), outcome.variables(), outcome.suggestedK(),
						outcome.previousRunId(), outcome.discriminantAccuracy(), outcome.diagnostics(),
						outcome.summaries(), customerIds));
		return results;
	}

	static Classification classification(TierModel model, List<CustomerFacts> facts, ClusterOutcome outcome) {
		Classification results = new Classification(model, facts.size());
		for (int i = 0; i < facts.size(); i++) {
			int number = outcome.numbers()[i];
			if (number == 0) {
				results.set(i, NO_PURCHASE, Double.NaN, Reason.of("cluster.reason.no-purchase"));
			}
			else if (outcome.runnersUp()[i] == 0) {
				results.set(i, ClusterOutcome.classCode(number), outcome.distances()[i],
						Reason.of("cluster.reason.single", number, round(outcome.distances()[i])));
			}
			else {
				results.set(i, ClusterOutcome.classCode(number), outcome.distances()[i],
						Reason.of("cluster.reason", number, round(outcome.distances()[i]), outcome.runnersUp()[i],
								round(outcome.runnerUpDistances()[i])));
			}
		}
		return results;
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

	/**
	 * Keeps the run's clusters and how stable they are, in the publishing transaction.
	 */
	@Override
	public void published(long runId, ModelResults results) {
		Pending run = this.pending.remove(results);
		if (run == null) {
			logger.warn("Segmentation run " + runId + " has no clusters to keep");
			return;
		}
		RunClusters.Stability stability = null;
		Long previousRunId = run.previousRunId();
		if (previousRunId != null) {
			stability = stability(previousRunId, run);
			logger.info("Segmentation run " + runId + ": " + run.clusters().size() + " clusters, adjusted Rand index "
					+ stability.adjustedRand() + " against run " + previousRunId + " over " + stability.compared()
					+ " customers");
		}
		this.store.save(runId, run.outcome(), stability);
	}

	/**
	 * The adjusted Rand index of this run's and the previous run's clusters, over the
	 * customers clustered in both.
	 */
	private RunClusters.Stability stability(long previousRunId, Pending run) {
		long[] ids = run.customerIds();
		int[] numbers = run.numbers();
		// The facts come sorted by customer id; sorting is the fallback.
		boolean sorted = IntStream.range(1, ids.length).allMatch((i) -> ids[i - 1] < ids[i]);
		int[] byId = sorted ? IntStream.range(0, ids.length).toArray()
				: IntStream.range(0, ids.length)
					.boxed()
					.sorted((a, b) -> Long.compare(ids[a], ids[b]))
					.mapToInt(Integer::intValue)
					.toArray();
		long[] sortedIds = new long[ids.length];
		for (int i = 0; i < byId.length; i++) {
			sortedIds[i] = ids[byId[i]];
		}
		IntList before = new IntList();
		IntList now = new IntList();
		this.store.previousNumbers(previousRunId, (customerId, previous) -> {
			int at = Arrays.binarySearch(sortedIds, customerId);
			if (at >= 0 && previous > 0 && numbers[byId[at]] > 0) {
				before.add(previous);
				now.add(numbers[byId[at]]);
			}
		});
		double index = (before.size() > 0) ? AdjustedRand.of(before.toArray(), now.toArray()) : Double.NaN;
		return new RunClusters.Stability(previousRunId, index, before.size());
	}

	/**
	 * What publishing needs of an outcome: not the distances, which are in the results.
	 */
	private record Pending(List<ClusterFigures> clusters, int[] numbers, List<String> variables,
			@Nullable Integer suggestedK, @Nullable Long previousRunId, Lda.@Nullable Accuracy discriminantAccuracy,
			@Nullable ClusterDiagnostics diagnostics, List<VariableSummary> summaries, long[] customerIds) {

		ClusterOutcome outcome() {
			return new ClusterOutcome(this.numbers, new double[0], new int[0], new double[0], this.variables,
					this.clusters, this.suggestedK, this.previousRunId, this.discriminantAccuracy, this.diagnostics,
					this.summaries);
		}

	}

	/** A growing array of ints, without boxing a million numbers. */
	private static final class IntList {

		private int[] values = new int[1024];

		private int size;

		void add(int value) {
			if (this.size == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.size * 2);
			}
			this.values[this.size++] = value;
		}

		int size() {
			return this.size;
		}

		int[] toArray() {
			return Arrays.copyOf(this.values, this.size);
		}

	}

}
