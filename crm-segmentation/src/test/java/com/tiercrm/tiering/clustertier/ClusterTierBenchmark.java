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
 * com.tiercrm.tiering.clustertier.ClusterTierBenchmark [customers] [k]}.
 */
public final class ClusterTierBenchmark {

	private ClusterTierBenchmark() {
	}

	public static void main(String[] args) {
		int customers = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000_000;
		int k = (args.length > 1) ? Integer.parseInt(args[1]) : 0;
		double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		List<CustomerFacts> facts = synthesise(customers, new SplittableRandom(20261207L));
		ClusterOptions options = new ClusterOptions(k, 10,
				Arrays.stream(ClusterVariable.values()).filter(ClusterVariable::usedByDefault).toList(),
				ClusterTierModel.SEED);
		double cpu = cpuSeconds();
		long start = System.nanoTime();
		ClusterOutcome first = ClusterTiering.classify(facts, options, null);
		double firstSeconds = (System.nanoTime() - start) / 1e9;
		double firstCpu = cpuSeconds() - cpu;
		start = System.nanoTime();
		ClusterOutcome second = ClusterTiering.classify(facts, options, first.asPrevious(1));
		double secondSeconds = (System.nanoTime() - start) / 1e9;
		int same = 0;
		for (int i = 0; i < customers; i++) {
			same += (first.numbers()[i] == second.numbers()[i]) ? 1 : 0;
		}
		System.out.println(String.format(Locale.ROOT,
				"{\"customers\":%d, \"clustered\":%d, \"variables\":%d, \"processors\":%d, \"loadAverage\":%.2f, "
						+ "\"k\":%d, \"suggestedK\":%s, \"firstRunSeconds\":%.3f, \"firstRunCpuSeconds\":%.3f, "
						+ "\"matchedRunSeconds\":%.3f, \"sameCodeShare\":%.4f, \"sizes\":%s}",
				customers, first.clustered(), options.variables().size(), Runtime.getRuntime().availableProcessors(),
				load, first.clusters().size(), first.suggestedK(), firstSeconds, firstCpu, secondSeconds,
				(double) same / customers,
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

	private static double normal(SplittableRandom random) {
		double u = 1 - random.nextDouble();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
	}

	private static double cpuSeconds() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime() / 1e9;
	}

}
