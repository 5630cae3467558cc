package com.tiercrm.tiering.run;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.tiercrm.tiering.config.SettingsJson;
import com.tiercrm.tiering.model.CdnowFiles;
import com.tiercrm.tiering.model.ClvFit;
import com.tiercrm.tiering.model.ClvModel;
import com.tiercrm.tiering.model.ClvResult;
import com.tiercrm.tiering.model.ClvRun;
import com.tiercrm.tiering.model.ClvSettings;
import com.tiercrm.tiering.model.ClvTimeUnit;
import com.tiercrm.tiering.model.CustomerFacts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RunReportTests {

	private static RunReport report(RunReport.Revenue revenue) {
		RunReport.Params params = new RunReport.Params(null, null, null, null, null, null, null);
		return new RunReport(LocalDate.of(2025, 6, 30), 1, "ABC", 2, Map.of("A", 2L), Map.of(), Map.of(),
				Map.of("ABC:A", 2L),
				new RunReport.ClvDiagnostics("DAY", params, null, null, false, true, null, 2, 0, 0, null, null, 0, 0),
				new RunReport.Timings(1, 2, 3, 4, 5, 15), revenue);
	}

	@Test
	void revenueIsStoredWithTheReport() {
		RunReport.Revenue revenue = new RunReport.Revenue(new BigDecimal("2015.261"),
				Map.of("ABC:A", new BigDecimal("2015.261")));
		RunReport read = SettingsJson.read(SettingsJson.write(report(revenue)), RunReport.class);
		assertThat(read.revenue()).isEqualTo(revenue);
	}

	@Test
	void theKeptFitScoresACustomerAsTheRunDid() {
		List<CustomerFacts> customers = CdnowFiles.facts(CdnowFiles.sample(), LocalDate.of(1997, 9, 30));
		ClvModel model = new ClvModel(ClvSettings.defaults().withTimeUnit(ClvTimeUnit.WEEK));
		ClvRun run = model.run(customers);
		assertThat(run.fit().fallbackUsed()).isFalse();
		RunReport.ClvDiagnostics kept = SettingsJson.read(SettingsJson.write(SegmentationRuns.diagnostics(run.fit())),
				RunReport.ClvDiagnostics.class);

		ClvFit fit = kept.fit();

		assertThat(fit).isNotNull();
		assertThat(fit.spendFitted()).isTrue();
		for (int i : new int[] { 0, 1, 17, 1000, 2356 }) {
			ClvResult alone = model.score(List.of(customers.get(i)), fit).get(0);
			ClvResult inTheRun = run.results().get(i);
			assertThat(alone.probabilityAlive()).as("customer %d", i)
				.isCloseTo(inTheRun.probabilityAlive(), within(1e-12));
			assertThat(alone.predictedValue()).as("customer %d", i)
				.isCloseTo(inTheRun.predictedValue(), within(1e-9 * (1 + inTheRun.predictedValue())));
		}
		RunReport.Params none = new RunReport.Params(null, null, null, null, null, null, null);
		assertThat(new RunReport.ClvDiagnostics("DAY", none, null, null, false, true, null, 2, 0, 0, null, null, 0, 0)
			.fit()).isNull();
	}

	@Test
	void reportsOfRunsMadeBeforeRevenueWasReportedHaveNone() {
		String json = SettingsJson.write(report(null)).replace(",\"revenue\":null", "");
		assertThat(json).doesNotContain("revenue");
		assertThat(SettingsJson.read(json, RunReport.class).revenue()).isNull();
	}

	@Test
	void reportsOfRunsMadeBeforeTheStepsWereSplitReadTheirTimingsAsZero() {
		String json = SettingsJson.write(report(null))
			.replaceAll(",\"(previousTiers|models|changes|satisfaction|figures|aggregates|ownerFigures|publish)\":0",
					"");
		assertThat(json).doesNotContain("previousTiers").doesNotContain("publish");
		RunReport.Timings timings = SettingsJson.read(json, RunReport.class).timings();
		assertThat(timings.total()).isEqualTo(15);
		assertThat(timings.previousTiers()).isZero();
		assertThat(timings.publish()).isZero();
	}

}
