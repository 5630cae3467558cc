package com.tiercrm.benchmark;

import java.time.LocalDate;
import java.util.Locale;

import com.tiercrm.book.RunBookKeys;
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
 * one process, and prints one JSON line. The book's keys, which follow a large run in the
 * background ({@link RunBookKeys}), are waited for before the aggregate is timed again,
 * and their time is printed beside the run's ({@code bookKeysSeconds}).
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

	SegmentationBenchmark(SegmentationRuns runs, JdbcTemplate jdbc, TransactionTemplate transactions,
			RunBookKeys bookKeys, @Value("${tiercrm.benchmark.as-of:#{null}}") @Nullable LocalDate asOf) {
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
		baseline();
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
		double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		long peakHeap = heap.peakMiB();
		if (run.getStatus() != RunStatus.SUCCEEDED) {
			throw new IllegalStateException("The benchmark run failed: " + run.getFailureCode());
		}
		long keysStart = System.nanoTime();
		awaitBookKeys();
		double bookKeysSeconds = seconds(keysStart);
		double baselineSeconds = baseline();
		RunReport.Timings timings = run.report().timings();
		// The steps of the run one after the other (see RunReport.Timings: the models run
		// beside each other, the satisfaction, figures and per-owner figures beside the
		// write); "other" is what the run's report cannot time itself: starting the run,
		// saving its report, the commit and what follows it.
		double accounted = (timings.previousTiers() + timings.facts() + timings.models() + timings.changes()
				+ timings.write() + timings.aggregates() + timings.publish()) / 1000.0;
		System.out.println(String.format(Locale.ROOT,
				"{\"customers\":%d, \"orders\":%d, \"runSeconds\":%.2f, \"baselineSeconds\":%.2f, \"ratio\":%.2f,"
						+ " \"clvFitSeconds\":%.2f, \"peakHeapMiB\":%d, \"factsSeconds\":%.2f, \"abcRfmSeconds\":%.2f,"
						+ " \"clvScoreSeconds\":%.2f, \"writeAndPublishSeconds\":%.2f, \"previousTiersSeconds\":%.2f,"
						+ " \"modelsSeconds\":%.2f, \"changesSeconds\":%.2f, \"satisfactionSeconds\":%.2f,"
						+ " \"figuresSeconds\":%.2f, \"aggregatesSeconds\":%.2f, \"ownerFiguresSeconds\":%.2f,"
						+ " \"publishSeconds\":%.2f, \"otherSeconds\":%.2f, \"cpuSeconds\":%.2f, \"loadAverage\":%.2f,"
						+ " \"bookKeysSeconds\":%.2f}",
				customers, orders, runSeconds, baselineSeconds, runSeconds / baselineSeconds, timings.clvFit() / 1000.0,
				peakHeap, timings.facts() / 1000.0, timings.abcRfm() / 1000.0, timings.clvScore() / 1000.0,
				timings.write() / 1000.0, timings.previousTiers() / 1000.0, timings.models() / 1000.0,
				timings.changes() / 1000.0, timings.satisfaction() / 1000.0, timings.figures() / 1000.0,
				timings.aggregates() / 1000.0, timings.ownerFigures() / 1000.0, timings.publish() / 1000.0,
				runSeconds - accounted, runCpuSeconds, load, bookKeysSeconds));
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
