package com.tiercrm.metrics;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import com.tiercrm.tiering.run.RunFinished;
import com.tiercrm.tiering.run.RunReport;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Segmentation runs: how many ended and how long they took, by status and trigger; where
 * a published run's time went, by step; how many customers it tiered.
 */
@Component
class RunMetrics {

	static final String RUNS = "tiercrm.segmentation.runs";

	static final String STEPS = "tiercrm.segmentation.run.steps";

	static final String CUSTOMERS = "tiercrm.segmentation.run.customers";

	private final MeterRegistry registry;

	RunMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * A published run counts once its transaction has committed; a failed run's event
	 * comes outside any transaction.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	void runFinished(RunFinished run) {
		String status = run.status().name().toLowerCase(Locale.ROOT);
		Timer.builder(RUNS)
			.description("Segmentation runs that ended, and how long they took")
			.tag("status", status)
			.tag("trigger", run.trigger().name().toLowerCase(Locale.ROOT))
			.register(this.registry)
			.record(run.duration());
		RunReport.Timings timings = run.timings();
		if (timings == null) {
			return;
		}
		step("facts", timings.facts());
		step("abc-rfm", timings.abcRfm());
		step("clv-fit", timings.clvFit());
		step("clv-score", timings.clvScore());
		step("write", timings.write());
		DistributionSummary.builder(CUSTOMERS)
			.description("Customers tiered by a published run")
			.baseUnit("customers")
			.register(this.registry)
			.record(run.customers());
	}

	private void step(String step, long millis) {
		Timer.builder(STEPS)
			.description("Time a published run spent in each step (ABC and RFM run beside the CLV fit)")
			.tag("step", step)
			.register(this.registry)
			.record(millis, TimeUnit.MILLISECONDS);
	}

}
