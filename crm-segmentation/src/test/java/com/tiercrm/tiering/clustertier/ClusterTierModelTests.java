package com.tiercrm.tiering.clustertier;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.tiercrm.tiering.config.SegmentationSettings;
import com.tiercrm.tiering.run.Classification;
import com.tiercrm.tiering.run.ModelSetting;
import com.tiercrm.tiering.run.SegmentationProperties;
import com.tiercrm.tiering.run.TierClass;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code CLUSTER} model's classes, settings and results, without a database.
 */
class ClusterTierModelTests {

	private final ClusterTierModel model = model();

	private static ClusterTierModel model() {
		JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource());
		return new ClusterTierModel(new RunClusters(jdbc),
				new ClusterFactsReader(jdbc, new DataSourceTransactionManager(jdbc.getDataSource()),
						new SegmentationProperties(ZoneId.of("Asia/Shanghai"), "0 0 2 1 * *", 24, 20_000,
								Duration.ofMinutes(5)),
						new ClusterProperties(List.of("tmall"))));
	}

	@Test
	void hasTenClusterClassesAndNoPurchase() {
		assertThat(this.model.classes()).extracting(TierClass::code)
			.containsExactly("C01", "C02", "C03", "C04", "C05", "C06", "C07", "C08", "C09", "C10", "NO_PURCHASE");
		assertThat(this.model.classes().get(0)).isEqualTo(new TierClass("C01", "Cluster 1", "第 1 群"));
		assertThat(this.model.classesInUse(settings(Map.of("k", 4)))).containsExactly("C01", "C02", "C03", "C04");
		assertThat(this.model.classesInUse(settings(Map.of()))).hasSize(10);
	}

	@Test
	void settingsChooseKStartsAndVariables() {
		assertThat(this.model.settings()).extracting(ModelSetting::name)
			.containsExactly("k", "starts", "useRecency", "useFrequency", "useMonetary", "useAverageOrder", "useTenure",
					"useMargin", "usePAlive", "usePredictedClv", "useInteractions", "useSatisfaction", "useOnlineShare",
					"useAgeBand", "useGender", "useIncomeBand", "useOccupation", "useType", "useRegion", "useIndustry");
		ClusterOptions defaults = this.model.options(settings(Map.of()));
		assertThat(defaults.k()).isZero();
		assertThat(defaults.starts()).isEqualTo(10);
		assertThat(defaults.variables()).containsExactly(ClusterVariable.RECENCY, ClusterVariable.FREQUENCY,
				ClusterVariable.MONETARY, ClusterVariable.AVERAGE_ORDER, ClusterVariable.TENURE);
		ClusterOptions chosen = this.model
			.options(settings(Map.of("k", 3, "useRecency", 0, "useTenure", 0, "useMargin", 1)));
		assertThat(chosen.k()).isEqualTo(3);
		assertThat(chosen.variables()).containsExactly(ClusterVariable.FREQUENCY, ClusterVariable.MONETARY,
				ClusterVariable.AVERAGE_ORDER, ClusterVariable.MARGIN);
		Map<String, Integer> none = new HashMap<>();
		for (ClusterVariable variable : ClusterVariable.values()) {
			none.put(variable.settingName(), 0);
		}
		assertThat(this.model.options(settings(none)).variables()).isEqualTo(defaults.variables());
		ClusterOptions mixed = this.model.options(settings(Map.of("useRecency", 0, "useMonetary", 0, "useAverageOrder",
				0, "useTenure", 0, "useSatisfaction", 1, "useRegion", 1, "usePAlive", 1)));
		assertThat(mixed.variables()).containsExactly(ClusterVariable.FREQUENCY, ClusterVariable.P_ALIVE,
				ClusterVariable.SATISFACTION, ClusterVariable.REGION);
		assertThat(this.model.needsClv(settings(Map.of("usePAlive", 1)))).isTrue();
		assertThat(this.model.needsClv(settings(Map.of("useRegion", 1)))).isFalse();
	}

	@Test
	void eachCustomerGetsTheClusterCodeTheDistanceAsScoreAndAReason() {
		CustomerBlobs blobs = CustomerBlobs.generate(30, 5, 1);
		ClusterOutcome outcome = ClusterTiering.classify(blobs.facts(), ClusterTieringTests.options(3), null);
		Classification results = ClusterTierModel.classification(this.model, blobs.facts(), outcome);
		assertThat(results.counts()).containsEntry("C01", 30L)
			.containsEntry("C02", 30L)
			.containsEntry("C03", 30L)
			.containsEntry("NO_PURCHASE", 5L);
		assertThat(results.classCode(0)).isEqualTo("C01");
		assertThat(results.score(0)).isEqualTo(outcome.distances()[0]).isGreaterThanOrEqualTo(0);
		assertThat(results.score(blobs.facts().size() - 1)).isNaN();
	}

	private static SegmentationSettings settings(Map<String, Integer> values) {
		SegmentationSettings defaults = SegmentationSettings.defaults();
		return new SegmentationSettings(defaults.abc(), defaults.abcWindowMonths(), defaults.rfm(), defaults.clv(),
				defaults.tierModel(), defaults.downgradeAfterRuns(), Map.of(ClusterTierModel.CODE, values));
	}

}
