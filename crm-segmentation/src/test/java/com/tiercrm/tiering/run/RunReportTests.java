package com.tiercrm.tiering.run;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import com.tiercrm.tiering.config.SettingsJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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
	void reportsOfRunsMadeBeforeRevenueWasReportedHaveNone() {
		String json = SettingsJson.write(report(null)).replace(",\"revenue\":null", "");
		assertThat(json).doesNotContain("revenue");
		assertThat(SettingsJson.read(json, RunReport.class).revenue()).isNull();
	}

}
