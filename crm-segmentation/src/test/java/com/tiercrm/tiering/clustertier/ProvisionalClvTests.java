package com.tiercrm.tiering.clustertier;

import java.util.ArrayList;
import java.util.List;

import com.tiercrm.tiering.model.ClvFit;
import com.tiercrm.tiering.model.ClvMethod;
import com.tiercrm.tiering.model.ClvModel;
import com.tiercrm.tiering.model.ClvPurchaseModel;
import com.tiercrm.tiering.model.ClvResult;
import com.tiercrm.tiering.model.ClvSettings;
import com.tiercrm.tiering.model.ClvTimeUnit;
import com.tiercrm.tiering.model.CustomerFacts;
import com.tiercrm.tiering.model.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A customer placed after the run gets the P(alive) and predicted value the run would
 * have given them, by the formula the run used: scored alone, compared with the same
 * customer scored among the run's customers.
 */
class ProvisionalClvTests {

	private static final ClvSettings SETTINGS = ClvSettings.defaults().withTimeUnit(ClvTimeUnit.WEEK);

	@Test
	void simpleFormulaRunGivesTheSimpleValue() {
		List<CustomerFacts> population = population();
		ClvModel model = new ClvModel(SETTINGS);
		ClvFit fit = model.fit(population.subList(0, 3));
		assertThat(fit.fallbackUsed()).isTrue();
		CustomerFacts late = population.get(4);
		ClvResult inRun = model.score(population, fit).get(4);
		assertThat(inRun.method()).isEqualTo(ClvMethod.SIMPLE);

		ClvResult alone = ProvisionalClusters.clvOf(late, SETTINGS, null, true, () -> {
			throw new AssertionError("the simple formula needs no spend of the run");
		});

		assertThat(alone).isNotNull();
		assertThat(alone.method()).isEqualTo(ClvMethod.SIMPLE);
		assertThat(alone.predictedValue()).isPositive().isEqualTo(inRun.predictedValue());
		assertThat(alone.probabilityAlive()).isNaN();
	}

	@Test
	void oneTimeBuyerWithoutGammaGammaGetsTheRunsRepeatBuyersSpend() {
		List<CustomerFacts> population = population();
		ClvFit fit = withoutSpend();
		List<ClvResult> run = new ClvModel(SETTINGS).score(population, fit);
		CustomerFacts oneTime = population.get(0);
		assertThat(oneTime.repeatPurchaseDays()).isZero();
		ClvResult inRun = run.get(0);
		assertThat(inRun.method()).isEqualTo(ClvMethod.BG_NBD_OWN_SPEND);
		// what the run stored for its other one-time buyers, which the placement reads
		double storedSpend = run.get(1).expectedSpend();
		assertThat(storedSpend).isEqualTo(inRun.expectedSpend()).isPositive();

		ClvResult alone = ProvisionalClusters.clvOf(oneTime, SETTINGS, fit, false, () -> storedSpend);

		assertThat(alone).isNotNull();
		assertThat(alone.probabilityAlive()).isEqualTo(inRun.probabilityAlive()).isBetween(0.0, 1.0);
		assertThat(alone.predictedValue()).isPositive().isCloseTo(inRun.predictedValue(), within(1e-9));
		// scored alone without the run's spend it would be worth nothing
		assertThat(new ClvModel(SETTINGS).score(List.of(oneTime), fit).get(0).predictedValue()).isZero();
		assertThat(ProvisionalClusters.clvOf(oneTime, SETTINGS, fit, false, () -> Double.NaN)).isNull();
	}

	@Test
	void repeatBuyerWithoutGammaGammaNeedsNoSpendOfTheRun() {
		List<CustomerFacts> population = population();
		ClvFit fit = withoutSpend();
		ClvResult inRun = new ClvModel(SETTINGS).score(population, fit).get(3);
		ClvResult alone = ProvisionalClusters.clvOf(population.get(3), SETTINGS, fit, false, () -> {
			throw new AssertionError("a repeat buyer has a spend of their own");
		});
		assertThat(alone).isNotNull();
		assertThat(alone.predictedValue()).isCloseTo(inRun.predictedValue(), within(1e-9));
	}

	private static ClvFit withoutSpend() {
		double nan = Double.NaN;
		return new ClvFit(0.243, 4.414, 0.793, 2.426, nan, nan, nan, nan, nan, ClvTimeUnit.WEEK, 0, 0, true, 5, 3, 5,
				false, null, ClvPurchaseModel.BG_NBD, Reason.of("clv.fallback.gamma-gamma-failed", 0));
	}

	/** Two one-time buyers, then three repeat buyers with their own mean spends. */
	private static List<CustomerFacts> population() {
		List<CustomerFacts> customers = new ArrayList<>();
		customers.add(new CustomerFacts(1, 1, 1, 30, 30, 30, 30, 200, 0, 200, 0));
		customers.add(new CustomerFacts(2, 1, 1, 50, 50, 50, 50, 40, 0, 40, 0));
		customers.add(new CustomerFacts(3, 3, 3, 90, 90, 90, 90, 20, 300, 320, 60));
		customers.add(new CustomerFacts(4, 5, 5, 260, 260, 260, 260, 10, 400, 410, 200));
		customers.add(new CustomerFacts(5, 2, 2, 140, 140, 140, 140, 150, 100, 250, 100));
		return customers;
	}

}
