package com.tiercrm.tiering.clustertier;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import com.tiercrm.tiering.model.CustomerFacts;

/**
 * Times the {@code CLUSTER} tier model's computation alone on a million synthetic
 * customers' facts (90 % buyers in three behaviour groups, the default five variables):
 * once with K suggested and no previous run, then again with K suggested and the first
 * run's centres to match, and prints one JSON line. Run it from crm-segmentation after a
 * test compile: {@code java -cp target/test-classes:target/classes:<jars>
 * com.tiercrm.tiering.clustertier.ClusterTierBenchmark [customers] [k] [mixed]}. With
 * {@code mixed}, the region (seven levels, 5 % missing, leaning by group) and the average
 * satisfaction (30 % missing) are clustered on too.
 */
public final class ClusterTierBenchmark {

	private ClusterTierBenchmark() {
	}

	public static void main(String[] args) {
		int customers = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000_000;
		int k = (args.length > 1) ? Integer.parseInt(args[1]) : 0;
		double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		boolean mixed = args.length > 2 && args[2].equals("mixed");
		List<CustomerFacts> facts = synthesise(customers, new SplittableRandom(20261207L));
		List<ClusterVariable> variables = new ArrayList<>(
				Arrays.stream(ClusterVariable.values()).filter(ClusterVariable::usedByDefault).toList());
		ClusterData data = ClusterData.of(facts);
		if (mixed) {
			variables.add(ClusterVariable.SATISFACTION);
			variables.add(ClusterVariable.REGION);
			data = mix(facts, new SplittableRandom(7L));
		}
		ClusterOptions options = new ClusterOptions(k, 10, variables, ClusterTierModel.SEED);
		double cpu = cpuSeconds();
		long start = System.nanoTime();
		ClusterOutcome first = ClusterTiering.classify(data, options, null);
		double firstSeconds = (System.nanoTime() - start) / 1e9;
		double firstCpu = cpuSeconds() - cpu;
		start = System.nanoTime();
		ClusterOutcome second = ClusterTiering.classify(data, options, first.asPrevious(1));
		double secondSeconds = (System.nanoTime() - start) / 1e9;
		int same = 0;
		for (int i = 0; i < customers; i++) {
			same += (first.numbers()[i] == second.numbers()[i]) ? 1 : 0;
		}
		System.out.println(String.format(Locale.ROOT,
				"{\"customers\":%d, \"clustered\":%d, \"variables\":%d, \"columns\":%d, \"processors\":%d, "
						+ "\"loadAverage\":%.2f, "
						+ "\"k\":%d, \"suggestedK\":%s, \"firstRunSeconds\":%.3f, \"firstRunCpuSeconds\":%.3f, "
						+ "\"matchedRunSeconds\":%.3f, \"sameCodeShare\":%.4f, \"sizes\":%s}",
				customers, first.clustered(), options.variables().size(), first.variables().size(),
				Runtime.getRuntime().availableProcessors(), load, first.clusters().size(), first.suggestedK(),
				firstSeconds, firstCpu, secondSeconds, (double) same / customers,
				first.clusters().stream().map((cluster) -> cluster.classCode() + "=" + cluster.customers()).toList()));
	}

	/**
	 * Big frequent spenders (15 %), regulars (45 %) and lapsed one-time buyers (30 %),
	 * each with spread, and 10 % who never bought.
	 */
	static List<CustomerFacts> synthesise(int customers, SplittableRandom random) {
		List<CustomerFacts> facts = new ArrayList<>(customers);
		for (int id = 1; id <= customers; id++) {
			double u = random.nextDouble();
			if (u < 0.10) {
				facts.add(CustomerFacts.noPurchase(id));
			}
			else if (u < 0.25) {
				int days = 15 + random.nextInt(30);
				facts.add(CustomerBlobs.customer(id, days, 20_000 * Math.exp(0.5 * normal(random)), random.nextInt(30),
						500 + random.nextInt(500)));
			}
			else if (u < 0.70) {
				int days = 3 + random.nextInt(8);
				facts.add(CustomerBlobs.customer(id, days, 1_500 * Math.exp(0.5 * normal(random)),
						20 + random.nextInt(120), 200 + random.nextInt(400)));
			}
			else {
				int recency = 200 + random.nextInt(500);
				facts.add(CustomerBlobs.customer(id, 1, 100 * Math.exp(0.7 * normal(random)), recency, recency));
			}
		}
		return facts;
	}

	/**
	 * The region (seven levels; a group's customers lean to two of them; 5 % missing) and
	 * the average satisfaction (30 % never surveyed) beside the facts.
	 */
	static ClusterData mix(List<CustomerFacts> facts, SplittableRandom random) {
		List<String> regions = List.of("EAST", "NORTH", "SOUTH", "CENTRAL", "SOUTHWEST", "NORTHWEST", "NORTHEAST");
		String[] region = new String[facts.size()];
		double[] satisfaction = new double[facts.size()];
		for (int i = 0; i < region.length; i++) {
			CustomerFacts customer = facts.get(i);
			int group = (customer.purchaseDays() >= 15) ? 0 : (customer.purchaseDays() >= 3) ? 2 : 4;
			double u = random.nextDouble();
			region[i] = (u < 0.05) ? null
					: (u < 0.6) ? regions.get(group + random.nextInt(2)) : regions.get(random.nextInt(regions.size()));
			satisfaction[i] = (random.nextDouble() < 0.3) ? Double.NaN
					: Math.min(5, Math.max(1, 3 + (2 - group) * 0.5 + normal(random)));
		}
		return new ClusterData(facts, java.util.Map.of(ClusterVariable.SATISFACTION, satisfaction),
				java.util.Map.of(ClusterVariable.REGION, region));
	}

	private static double normal(SplittableRandom random) {
		double u = 1 - random.nextDouble();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
	}

	private static double cpuSeconds() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime() / 1e9;
	}

}
