package com.tiercrm.metrics;

import java.util.Locale;

import com.tiercrm.imports.ImportFinished;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Import jobs: how many ended and how long they took, the rows they read and their rows
 * per second, by kind, status, path (bulk or batched) and whether it was a dry run.
 */
@Component
class ImportMetrics {

	static final String IMPORTS = "tiercrm.imports";

	static final String ROWS = "tiercrm.imports.rows";

	static final String ROWS_PER_SECOND = "tiercrm.imports.rows.per.second";

	private final MeterRegistry registry;

	ImportMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@EventListener
	void importFinished(ImportFinished job) {
		Tags tags = Tags.of("kind", job.kind().name().toLowerCase(Locale.ROOT), "status",
				job.status().name().toLowerCase(Locale.ROOT), "path", job.bulk() ? "bulk" : "batched", "dry.run",
				String.valueOf(job.dryRun()));
		Timer.builder(IMPORTS)
			.description("Import jobs that read their file, and how long they took")
			.tags(tags)
			.register(this.registry)
			.record(job.duration());
		DistributionSummary.builder(ROWS)
			.description("Data rows an import job read")
			.baseUnit("rows")
			.tags(tags)
			.register(this.registry)
			.record(job.rows());
		DistributionSummary.builder(ROWS_PER_SECOND)
			.description("Rows per second of an import job, over the whole job")
			.tags(tags)
			.register(this.registry)
			.record(job.rowsPerSecond());
	}

}
