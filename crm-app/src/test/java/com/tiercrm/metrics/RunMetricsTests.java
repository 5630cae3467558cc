package com.tiercrm.metrics;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.tiercrm.tiering.run.RunFinished;
import com.tiercrm.tiering.run.RunReport;
import com.tiercrm.tiering.run.RunStatus;
import com.tiercrm.tiering.run.RunTrigger;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final RunMetrics metrics = new RunMetrics(this.registry);

	@Test
	void aPublishedRunRecordsItsDurationStepsAndCustomers() {
		this.metrics.runFinished(new RunFinished(7, RunStatus.SUCCEEDED, RunTrigger.SCHEDULE, 5000,
				Duration.ofMillis(900), new RunReport.Timings(100, 200, 300, 40, 250, 900)));

		assertThat(this.registry.get(RunMetrics.RUNS)
			.tag("status", "succeeded")
			.tag("trigger", "schedule")
			.timer()
			.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(900);
		assertThat(this.registry.get(RunMetrics.STEPS).tag("step", "clv-fit").timer().totalTime(TimeUnit.MILLISECONDS))
			.isEqualTo(300);
		assertThat(this.registry.get(RunMetrics.STEPS).timers()).hasSize(5);
		assertThat(this.registry.get(RunMetrics.CUSTOMERS).summary().totalAmount()).isEqualTo(5000);
	}

	@Test
	void aFailedRunCountsWithoutSteps() {
		this.metrics.runFinished(new RunFinished(8, RunStatus.FAILED, RunTrigger.API, 0, Duration.ofSeconds(2), null));

		assertThat(this.registry.get(RunMetrics.RUNS).tag("status", "failed").timer().count()).isEqualTo(1);
		assertThat(this.registry.find(RunMetrics.STEPS).timers()).isEmpty();
		assertThat(this.registry.find(RunMetrics.CUSTOMERS).summaries()).isEmpty();
	}

}
