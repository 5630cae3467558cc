package com.tiercrm.metrics;

import java.time.Duration;

import com.tiercrm.imports.ImportFinished;
import com.tiercrm.imports.ImportKind;
import com.tiercrm.imports.ImportStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImportMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final ImportMetrics metrics = new ImportMetrics(this.registry);

	@Test
	void anImportRecordsItsDurationRowsAndRateByKindStatusAndPath() {
		this.metrics.importFinished(new ImportFinished(1, ImportKind.ORDERS, ImportStatus.SUCCEEDED, false, true,
				20_000, Duration.ofSeconds(4)));
		this.metrics.importFinished(new ImportFinished(2, ImportKind.ORDERS, ImportStatus.REJECTED, true, false, 10,
				Duration.ofMillis(500)));

		var bulk = this.registry.get(ImportMetrics.ROWS_PER_SECOND)
			.tag("kind", "orders")
			.tag("status", "succeeded")
			.tag("path", "bulk")
			.tag("dry.run", "false");
		assertThat(bulk.summary().max()).isEqualTo(5000);
		assertThat(this.registry.get(ImportMetrics.ROWS).tag("path", "bulk").summary().totalAmount()).isEqualTo(20_000);
		assertThat(this.registry.get(ImportMetrics.IMPORTS)
			.tag("status", "rejected")
			.tag("path", "batched")
			.tag("dry.run", "true")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.registry.get(ImportMetrics.ROWS_PER_SECOND).tag("path", "batched").summary().max())
			.isEqualTo(20);
	}

	@Test
	void aJobThatCountedNoRowsHasNoRate() {
		assertThat(new ImportFinished(3, ImportKind.CUSTOMERS, ImportStatus.FAILED, false, true, 0, Duration.ZERO)
			.rowsPerSecond()).isZero();
	}

}
