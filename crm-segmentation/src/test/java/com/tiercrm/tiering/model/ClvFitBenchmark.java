package com.tiercrm.tiering.model;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Times the CLV fit on customers drawn from a BG/NBD and Gamma-Gamma process with a fixed
 * seed, in days, and prints one JSON line. Run it from the module directory:
 * {@code java -cp target/test-classes:target/classes:<hipparchus-core jar>
 * com.tiercrm.tiering.model.ClvFitBenchmark [customers]}.
 */
public final class ClvFitBenchmark {

	private ClvFitBenchmark() {
	}

	public static void main(String[] args) {
		int size = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000_000;
		List<CustomerFacts> customers = synthesise(size, new SplittableRandom(20261123L));
		ClvModel model = new ClvModel(ClvSettings.defaults());
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long start = System.nanoTime();
		ClvFit cold = model.fit(customers);
		double coldSeconds = seconds(start);
		ClvModel.Histories histories = ClvModel.Histories.of(customers);
		int n = customers.size();
		start = System.nanoTime();
		BgNbdData data = BgNbdData.ofDays(histories.x(), histories.txDays(), histories.tDays(), 1);
		BgNbdFit bgNbd = BgNbdFitter.fit(data);
		double bgNbdSeconds = seconds(start);
		start = System.nanoTime();
		GammaGammaFit gammaGamma = GammaGammaFitter.fit(histories.x(), histories.meanSpend());
		double gammaGammaSeconds = seconds(start);
		start = System.nanoTime();
		long cpuStart = threads.getCurrentThreadCpuTime();
		ClvFit fit = model.fit(customers);
		double fitSeconds = seconds(start);
		double fitCpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
		start = System.nanoTime();
		cpuStart = threads.getCurrentThreadCpuTime();
		List<ClvResult> results = model.score(customers, fit);
		double scoreSeconds = seconds(start);
		double scoreCpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
		System.out.println(String.format(Locale.ROOT,
				"{\"customers\":%d, \"distinctRows\":%d, \"bgnbdSeconds\":%.3f, \"gammaGammaSeconds\":%.3f, "
						+ "\"clvFitSeconds\":%.3f, \"clvFitCpuSeconds\":%.3f, \"coldClvFitSeconds\":%.3f, "
						+ "\"scoreSeconds\":%.3f, \"scoreCpuSeconds\":%.3f, "
						+ "\"bgnbdIterations\":%d, \"gammaGammaIterations\":%d, \"converged\":%b, "
						+ "\"r\":%.4f, \"alpha\":%.3f, \"a\":%.4f, \"b\":%.4f, \"p\":%.3f, \"q\":%.3f, \"gamma\":%.3f, "
						+ "\"scored\":%d}",
				n, bgNbd.distinctRows(), bgNbdSeconds, gammaGammaSeconds, fitSeconds, fitCpuSeconds, coldSeconds,
				scoreSeconds, scoreCpuSeconds, bgNbd.iterations(), gammaGamma.iterations(),
				fit.converged() && cold.converged(), fit.r(), fit.alpha(), fit.a(), fit.b(), fit.p(), fit.q(),
				fit.gamma(), results.size()));
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

	/**
	 * Customers acquired uniformly over the last two years; purchase rate Gamma(0.5, 30
	 * days), drop-out after each repeat purchase Beta(0.8, 2.5), spend per purchase
	 * Gamma(6, ν) with ν Gamma(4, 15).
	 */
	static List<CustomerFacts> synthesise(int size, SplittableRandom random) {
		List<CustomerFacts> customers = new ArrayList<>(size);
		for (int id = 1; id <= size; id++) {
			int observed = random.nextInt(730);
			double rate = gamma(random, 0.5) / 30;
			double dropOut = beta(random, 0.8, 2.5);
			double spendRate = gamma(random, 4) / 15;
			double firstSpend = gamma(random, 6) / spendRate;
			int orders = 1;
			int purchaseDays = 1;
			int lastDay = 0;
			double revenue = firstSpend;
			double repeatSpend = 0;
			double time = 0;
			while (true) {
				time += -Math.log(1 - random.nextDouble()) / rate;
				if (time > observed + 1) {
					break;
				}
				int day = (int) time;
				if (day > observed) {
					break;
				}
				double spend = gamma(random, 6) / spendRate;
				orders++;
				revenue += spend;
				if (day > 0) {
					repeatSpend += spend;
				}
				if (day != lastDay) {
					purchaseDays++;
					lastDay = day;
				}
				if (random.nextDouble() < dropOut) {
					break;
				}
			}
			customers.add(new CustomerFacts(id, orders, purchaseDays, revenue, revenue * 0.3, revenue, revenue * 0.3,
					observed - lastDay, lastDay, observed, repeatSpend));
		}
		return customers;
	}

	/** Marsaglia and Tsang, with the boost for shapes below 1. */
	static double gamma(SplittableRandom random, double shape) {
		if (shape < 1) {
			return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
		}
		double d = shape - 1.0 / 3;
		double c = 1 / Math.sqrt(9 * d);
		while (true) {
			double normal = normal(random);
			double v = 1 + c * normal;
			if (v <= 0) {
				continue;
			}
			v = v * v * v;
			double u = random.nextDouble();
			if (Math.log(u) < 0.5 * normal * normal + d - d * v + d * Math.log(v)) {
				return d * v;
			}
		}
	}

	static double beta(SplittableRandom random, double a, double b) {
		double x = gamma(random, a);
		return x / (x + gamma(random, b));
	}

	private static double normal(SplittableRandom random) {
		double u = 1 - random.nextDouble();
		double v = random.nextDouble();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

}
