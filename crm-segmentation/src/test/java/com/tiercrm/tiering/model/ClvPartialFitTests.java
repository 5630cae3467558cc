package com.tiercrm.tiering.model;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What a run keeps when a part of the CLV model cannot be fitted, and how one-time buyers
 * are explained under either purchase model.
 */
class ClvPartialFitTests {

	private static final SyntheticCustomers BASE = SyntheticCustomers.draw(5_000, 730, 1095, 11L);

	@Test
	void spendModelThatCannotBeFittedKeepsThePurchaseModel() {
		// every repeat purchase costs exactly 100: no spread between customers, so p runs
		// off to infinity and Gamma-Gamma cannot converge
		List<CustomerFacts> customers = BASE.facts(1)
			.stream()
			.map((f) -> new CustomerFacts(f.customerId(), f.completedOrders(), f.purchaseDays(), 0, 0, 0, 0,
					f.recencyDays(), f.daysFirstToLastPurchase(), f.daysFirstPurchaseToAsOf(),
					100.0 * (f.purchaseDays() - 1)))
			.toList();
		ClvRun run = new ClvModel(ClvSettings.defaults()).run(customers);
		ClvFit fit = run.fit();
		assertThat(fit.fallbackUsed()).isFalse();
		assertThat(fit.spendFitted()).isFalse();
		assertThat(fit.converged()).isFalse();
		assertThat(fit.spendFallbackReason()).isNotNull();
		assertThat(fit.spendFallbackReason().key()).startsWith("clv.fallback.gamma-gamma-");
		assertThat(fit.r()).isCloseTo(0.6, within(0.1));
		assertThat(fit.p()).isNaN();
		for (int i = 0; i < customers.size(); i++) {
			CustomerFacts facts = customers.get(i);
			ClvResult result = run.results().get(i);
			assertThat(result.method()).isEqualTo(ClvMethod.BG_NBD_OWN_SPEND);
			assertThat(result.probabilityAlive()).isBetween(0.0, 1.0);
			// the customer's own mean, and for one-time buyers the repeat buyers' mean:
			// 100
			assertThat(result.expectedSpend()).isCloseTo(100, within(1e-9));
			assertThat(result.reason().key()).isEqualTo(
					(facts.purchaseDays() == 1) ? "clv.reason.model-own-spend-one-time" : "clv.reason.model-own-spend");
		}
	}

	@Test
	void oneTimeBuyersAreAlwaysAliveUnderBgNbdButNotUnderMbgNbd() {
		List<CustomerFacts> customers = BASE.facts(100);
		ClvRun bgNbd = new ClvModel(ClvSettings.defaults()).run(customers);
		ClvRun mbgNbd = new ClvModel(ClvSettings.defaults().withPurchaseModel(ClvPurchaseModel.MBG_NBD)).run(customers);
		assertThat(mbgNbd.fit().purchaseModel()).isEqualTo(ClvPurchaseModel.MBG_NBD);
		assertThat(mbgNbd.fit().converged()).isTrue();
		int oneTimeBuyers = 0;
		for (int i = 0; i < customers.size(); i++) {
			CustomerFacts facts = customers.get(i);
			ClvResult classic = bgNbd.results().get(i);
			ClvResult modified = mbgNbd.results().get(i);
			assertThat(classic.method()).isEqualTo(ClvMethod.BG_NBD_GAMMA_GAMMA);
			assertThat(modified.method()).isEqualTo(ClvMethod.MBG_NBD_GAMMA_GAMMA);
			if (facts.purchaseDays() > 1) {
				assertThat(modified.reason().key()).isEqualTo("clv.reason.model-mbg");
				continue;
			}
			oneTimeBuyers++;
			assertThat(classic.probabilityAlive()).isEqualTo(1.0);
			assertThat(classic.reason().key()).isEqualTo("clv.reason.model-one-time");
			assertThat(modified.probabilityAlive()).isLessThan(1.0);
			assertThat(modified.reason().key()).isEqualTo("clv.reason.model-mbg-one-time");
			assertThat(modified.reason().arguments()).last().isEqualTo(facts.daysFirstPurchaseToAsOf());
		}
		assertThat(oneTimeBuyers).isGreaterThan(500);
	}

	@Test
	void mbgNbdOneTimeBuyerSilentLongerIsLessLikelyAlive() {
		BgNbdParameters parameters = new BgNbdParameters(0.6, 40, 0.8, 3.5, ClvPurchaseModel.MBG_NBD);
		double recent = parameters.probabilityAlive(0, 0, 10);
		double silent = parameters.probabilityAlive(0, 0, 325);
		assertThat(silent).isLessThan(recent).isLessThan(1);
		// 1 / (1 + a/b × ((α + T)/α)^r)
		assertThat(silent).isCloseTo(1 / (1 + 0.8 / 3.5 * Math.pow(365.0 / 40, 0.6)), within(1e-12));
	}

}
