package com.tiercrm.tiering.forecast;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.tiercrm.tiering.model.ClvFit;
import com.tiercrm.tiering.model.CustomerFacts;

/**
 * Times the sales forecast (1,000 draws, three groupings: 3, 7 and 50 groups) of
 * customers drawn from known BG/NBD and Gamma-Gamma parameters with a fixed seed, a month
 * and a quarter ahead, and prints one JSON line with the CPU time of the thread and the
 * total's quarter interval. Run it from the module directory after {@code verify}:
 * {@code java -cp target/test-classes:target/classes:<hipparchus-core jar>
 * com.tiercrm.tiering.forecast.SalesForecastBenchmark [customers] [analytic|simulated]};
 * {@code simulated} draws every group's interval, as before the normal interval.
 */
public final class SalesForecastBenchmark {

	private SalesForecastBenchmark() {
	}

	public static void main(String[] args) {
		int size = (args.length > 0) ? Integer.parseInt(args[0]) : 100_000;
		List<CustomerFacts> customers = SyntheticHoldout.draw(size, 365, 91, 20261207L)
			.stream()
			.map(HoldoutCustomer::calibration)
			.toList();
		ClvFit fit = SyntheticHoldout.trueParameters();
		List<Function<CustomerFacts, Long>> groupings = List.of((facts) -> facts.customerId() % 3,
				(facts) -> facts.customerId() % 7, (facts) -> facts.customerId() % 50);
		boolean simulated = args.length > 1 && args[1].equals("simulated");
		SalesForecaster forecaster = new SalesForecaster(1000, 0.9, 1,
				simulated ? Integer.MAX_VALUE : SalesForecaster.ANALYTIC_FROM);
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long start = System.nanoTime();
		long cpuStart = threads.getCurrentThreadCpuTime();
		List<SalesForecast<Long>> month = forecaster.forecast(customers, fit, 30, groupings);
		double monthSeconds = (System.nanoTime() - start) / 1e9;
		double monthCpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
		start = System.nanoTime();
		cpuStart = threads.getCurrentThreadCpuTime();
		List<SalesForecast<Long>> quarter = forecaster.forecast(customers, fit, 91, groupings);
		double quarterSeconds = (System.nanoTime() - start) / 1e9;
		double quarterCpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
		System.out.println(String.format(Locale.ROOT,
				"{\"customers\":%d, \"mode\":\"%s\", \"draws\":%d, \"groupings\":%d, \"monthSeconds\":%.3f, \"monthCpuSeconds\":%.3f, "
						+ "\"quarterSeconds\":%.3f, \"quarterCpuSeconds\":%.3f, \"monthPurchases\":%.1f, "
						+ "\"quarterPurchases\":%.1f, \"quarterPurchasesInterval\":[%.1f, %.1f], "
						+ "\"quarterRevenueInterval\":[%.0f, %.0f]}",
				size, simulated ? "simulated" : "analytic", month.get(0).draws(), groupings.size(), monthSeconds,
				monthCpuSeconds, quarterSeconds, quarterCpuSeconds, month.get(0).total().expectedPurchases(),
				quarter.get(0).total().expectedPurchases(), quarter.get(0).total().purchasesLow(),
				quarter.get(0).total().purchasesHigh(), quarter.get(0).total().revenueLow(),
				quarter.get(0).total().revenueHigh()));
	}

}
