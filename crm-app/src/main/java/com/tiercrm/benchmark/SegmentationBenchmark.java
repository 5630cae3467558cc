package com.tiercrm.benchmark;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import com.tiercrm.book.RunBookKeys;
import com.tiercrm.orderfacts.OrderFacts;
import com.tiercrm.tiering.run.KeptFactsWindow;
import com.tiercrm.tiering.run.RunReport;
import com.tiercrm.tiering.run.RunRequest;
import com.tiercrm.tiering.run.RunStatus;
import com.tiercrm.tiering.run.RunTrigger;
import com.tiercrm.tiering.run.SegmentationRun;
import com.tiercrm.tiering.run.SegmentationRuns;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Times a full segmentation run (facts, ABC, RFM, CLV fit and scoring, bulk write,
 * publish) against PostgreSQL's own bare per-customer aggregate of the same orders, in
 * one process, and prints one JSON line; then, for a run as of today, the kept order
 * facts are rebuilt and the same run reading them is timed against the baseline again,
 * printed as a second line ({@code "line":"keptFacts"}, issue 11's stretch). The book's
 * keys, which follow a large run in the background ({@link RunBookKeys}), are waited for
 * after each run, before the aggregate is timed again, and their time is printed beside
 * the run's ({@code bookKeysSeconds}).
 */
@Component
@ConditionalOnBooleanProperty("tiercrm.benchmark.segmentation")
class SegmentationBenchmark implements ApplicationRunner {

	static final String BASELINE = "select customer_id, max(ordered_at), count(*), sum(amount) from sales_orders"
			+ " group by customer_id";

	private final SegmentationRuns runs;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final RunBookKeys bookKeys;

	private final @Nullable LocalDate asOf;

	private final OrderFacts orderFacts;

	private final KeptFactsWindow window;

	private final ZoneId zone;

	SegmentationBenchmark(SegmentationRuns runs, JdbcTemplate jdbc, TransactionTemplate transactions,
			RunBookKeys bookKeys, @Value("${tiercrm.benchmark.as-of:#{null}}") @Nullable LocalDate asOf,
			OrderFacts orderFacts, KeptFactsWindow window,
			@Value("${tiercrm.segmentation.zone:Asia/Shanghai}") ZoneId zone) {
		this.orderFacts = orderFacts;
		this.window = window;
		this.zone = zone;
		this.runs = runs;
		this.bookKeys = bookKeys;
		this.jdbc = new JdbcTemplate(jdbc.getDataSource());
		this.jdbc.setFetchSize(20_000);
		this.transactions = transactions;
		this.asOf = asOf;
	}

	@Override
	public void run(ApplicationArguments args) {
		long customers = count("customers");
		long orders = count("sales_orders");
		// The run as before: facts folded from every order.
		this.transactions.executeWithoutResult((status) -> this.orderFacts.markStale());
		baseline();
		Timed fromOrders = timedRun();
		double baselineSeconds = baseline();
		System.out.println(json(customers, orders, fromOrders, baselineSeconds, ""));
		LocalDate today = LocalDate.now(this.zone);
		if (this.asOf != null && !this.asOf.equals(today)) {
			return;
		}
		// The stretch: the same run as of today reading the kept order facts, once they
		// are rebuilt from the orders (timed apart: the writers keep them afterwards).
		long rebuildStart = System.nanoTime();
		KeptFactsWindow.Step step = this.window.step(today);
		double rebuildSeconds = seconds(rebuildStart);
		Timed fromKept = timedRun();
		double keptBaselineSeconds = baseline();
		System.out.println(json(customers, orders, fromKept, keptBaselineSeconds, String.format(Locale.ROOT,
				"\"line\":\"keptFacts\", \"keptFactsStep\":\"%s\", \"rebuildSeconds\":%.2f, ", step, rebuildSeconds)));
	}

	private Timed timedRun() {
		System.gc();
		HeapSampler heap = new HeapSampler();
		long start = System.nanoTime();
		long cpuStart = processCpuNanos();
		SegmentationRun run;
		try {
			run = this.runs.runNow(new RunRequest(this.asOf, null, RunTrigger.MANUAL, "benchmark"));
		}
		finally {
			heap.stop();
		}
		double runSeconds = seconds(start);
		double runCpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
		if (run.getStatus() != RunStatus.SUCCEEDED) {
			throw new IllegalStateException("The benchmark run failed: " + run.getFailureCode());
		}
		long keysStart = System.nanoTime();
		awaitBookKeys();
		return new Timed(run, runSeconds, runCpuSeconds, heap.peakMiB(), seconds(keysStart));
	}

	private static String json(long customers, long orders, Timed timed, double baselineSeconds, String head) {
		double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		RunReport.Timings timings = timed.run().report().timings();
		double runSeconds = timed.seconds();
		// The steps of the run one after the other (see RunReport.Timings: the models run
		// beside each other, the satisfaction, figures and per-owner figures beside the
		// write); "other" is what the run's report cannot time itself: starting the run,
		// saving its report, the commit and what follows it.
		double accounted = (timings.previousTiers() + timings.facts() + timings.models() + timings.changes()
				+ timings.write() + timings.aggregates() + timings.publish()) / 1000.0;
		return String.format(Locale.ROOT, "{" + head
				+ "\"customers\":%d, \"orders\":%d, \"runSeconds\":%.2f, \"baselineSeconds\":%.2f, \"ratio\":%.2f,"
				+ " \"clvFitSeconds\":%.2f, \"peakHeapMiB\":%d, \"factsSeconds\":%.2f, \"abcRfmSeconds\":%.2f,"
				+ " \"clvScoreSeconds\":%.2f, \"writeAndPublishSeconds\":%.2f, \"previousTiersSeconds\":%.2f,"
				+ " \"modelsSeconds\":%.2f, \"changesSeconds\":%.2f, \"satisfactionSeconds\":%.2f,"
				+ " \"figuresSeconds\":%.2f, \"aggregatesSeconds\":%.2f, \"ownerFiguresSeconds\":%.2f,"
				+ " \"publishSeconds\":%.2f, \"otherSeconds\":%.2f, \"cpuSeconds\":%.2f, \"loadAverage\":%.2f,"
				+ " \"bookKeysSeconds\":%.2f}", customers, orders, runSeconds, baselineSeconds,
				runSeconds / baselineSeconds, timings.clvFit() / 1000.0, timed.peakHeapMiB(), timings.facts() / 1000.0,
				timings.abcRfm() / 1000.0, timings.clvScore() / 1000.0, timings.write() / 1000.0,
				timings.previousTiers() / 1000.0, timings.models() / 1000.0, timings.changes() / 1000.0,
				timings.satisfaction() / 1000.0, timings.figures() / 1000.0, timings.aggregates() / 1000.0,
				timings.ownerFigures() / 1000.0, timings.publish() / 1000.0, runSeconds - accounted, timed.cpuSeconds(),
				load, timed.bookKeysSeconds());
	}

	/** Until the book's keys hold the published run (at most an hour). */
	private void awaitBookKeys() {
		long deadline = System.nanoTime() + 3_600_000_000_000L;
		while (!this.bookKeys.state().current()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The book's keys did not follow the benchmark run within an hour");
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private record Timed(SegmentationRun run, double seconds, double cpuSeconds, long peakHeapMiB,
			double bookKeysSeconds) {

	}

	/**
	 * PostgreSQL's bare per-customer aggregate, every row read by the client.
	 */
	private double baseline() {
		long start = System.nanoTime();
		long[] rows = { 0 };
		this.transactions.executeWithoutResult((status) -> this.jdbc.query(BASELINE, (java.sql.ResultSet rs) -> {
			rows[0]++;
		}));
		return seconds(start);
	}

	/** This process's CPU time, every thread (the JVM's, not PostgreSQL's). */
	private static long processCpuNanos() {
		if (java.lang.management.ManagementFactory
			.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return 0;
	}

	private long count(String table) {
		Long count = this.jdbc.queryForObject("select count(*) from " + table, Long.class);
		return (count != null) ? count : 0;
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

}
