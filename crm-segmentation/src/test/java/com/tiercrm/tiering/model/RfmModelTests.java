package com.tiercrm.tiering.model;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

class RfmModelTests {

	private final RfmModel matrix = new RfmModel(RfmSettings.defaults());

	private final RfmModel scores = new RfmModel(RfmSettings.defaults().withScheme(RfmScheme.SCORE_RANGE));

	@Test
	void quintileScoresGiveTiesTheSameScore() {
		// ten customers; frequency 1 for six of them, so all six score F = 1
		List<CustomerFacts> customers = List.of(TestFacts.rfm(1, 1, 1, 10), TestFacts.rfm(2, 2, 1, 20),
				TestFacts.rfm(3, 3, 1, 30), TestFacts.rfm(4, 4, 1, 40), TestFacts.rfm(5, 5, 1, 50),
				TestFacts.rfm(6, 6, 1, 60), TestFacts.rfm(7, 7, 2, 70), TestFacts.rfm(8, 8, 2, 80),
				TestFacts.rfm(9, 9, 3, 90), TestFacts.rfm(10, 9, 5, 90));
		List<RfmResult> results = this.scores.classify(customers);
		assertThat(results).extracting(RfmResult::frequencyScore).containsExactly(1, 1, 1, 1, 1, 1, 4, 4, 5, 5);
		assertThat(results).extracting(RfmResult::monetaryScore).containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
		// recency 9 twice: nobody is worse, both score 1; recency 1: eight are worse
		assertThat(results).extracting(RfmResult::recencyScore).containsExactly(5, 5, 4, 4, 3, 3, 2, 2, 1, 1);
	}

	@Test
	void fixedCutsScoreRecencyDownAndTheOthersUp() {
		RfmModel fixed = new RfmModel(RfmSettings.defaults()
			.withScheme(RfmScheme.SCORE_RANGE)
			.withFixedCuts(new RfmCuts(30, 90, 180, 365), new RfmCuts(2, 3, 5, 10), new RfmCuts(100, 250, 500, 1000)));
		List<RfmResult> results = fixed.classify(List.of(TestFacts.rfm(1, 30, 1, 99.99), TestFacts.rfm(2, 31, 2, 100),
				TestFacts.rfm(3, 365, 10, 1000), TestFacts.rfm(4, 366, 9, 999)));
		assertThat(results)
			.extracting(RfmResult::recencyScore, RfmResult::frequencyScore, RfmResult::monetaryScore,
					RfmResult::frequencyMonetaryScore)
			.containsExactly(tuple(5, 1, 1, 1), tuple(4, 2, 2, 2), tuple(2, 5, 5, 5), tuple(1, 4, 4, 4));
		assertThat(results).extracting(RfmResult::segment)
			.containsExactly(RfmSegment.NEW, RfmSegment.POTENTIAL_LOYALIST, RfmSegment.CANT_LOSE, RfmSegment.AT_RISK);
		assertThat(results.get(0).reason()).isEqualTo(Reason.of("rfm.reason.scores", 5, 1, 1, 1));
	}

	@Test
	void matrixComparesWithTheMeansAndCountsTiesAsHigh() {
		// means: recency 20, frequency 2, monetary 200
		List<RfmResult> results = this.matrix.classify(List.of(TestFacts.rfm(1, 20, 2, 200),
				TestFacts.rfm(2, 10, 1, 300), TestFacts.rfm(3, 30, 3, 100), TestFacts.rfm(4, 20, 2, 200)));
		assertThat(results).extracting(RfmResult::segment)
			.containsExactly(RfmSegment.IMPORTANT_VALUE, RfmSegment.IMPORTANT_DEVELOP, RfmSegment.GENERAL_KEEP,
					RfmSegment.IMPORTANT_VALUE);
		assertThat(results.get(1).reason()).isEqualTo(Reason.of("rfm.reason.matrix", 10, 20.0, 1, 2.0, 300.0, 200.0));
	}

	@Test
	void matrixMapsAllEightCombinations() {
		assertThat(RfmSegment.ofMatrix(true, true, true)).isEqualTo(RfmSegment.IMPORTANT_VALUE);
		assertThat(RfmSegment.ofMatrix(true, false, true)).isEqualTo(RfmSegment.IMPORTANT_DEVELOP);
		assertThat(RfmSegment.ofMatrix(false, true, true)).isEqualTo(RfmSegment.IMPORTANT_KEEP);
		assertThat(RfmSegment.ofMatrix(false, false, true)).isEqualTo(RfmSegment.IMPORTANT_RETAIN);
		assertThat(RfmSegment.ofMatrix(true, true, false)).isEqualTo(RfmSegment.GENERAL_VALUE);
		assertThat(RfmSegment.ofMatrix(true, false, false)).isEqualTo(RfmSegment.GENERAL_DEVELOP);
		assertThat(RfmSegment.ofMatrix(false, true, false)).isEqualTo(RfmSegment.GENERAL_KEEP);
		assertThat(RfmSegment.ofMatrix(false, false, false)).isEqualTo(RfmSegment.GENERAL_RETAIN);
	}

	@Test
	void scoreTableCoversEveryCell() {
		assertThat(RfmSegment.ofScores(5, 5)).isEqualTo(RfmSegment.CHAMPIONS);
		assertThat(RfmSegment.ofScores(3, 4)).isEqualTo(RfmSegment.LOYAL);
		assertThat(RfmSegment.ofScores(4, 1)).isEqualTo(RfmSegment.PROMISING);
		assertThat(RfmSegment.ofScores(3, 3)).isEqualTo(RfmSegment.NEED_ATTENTION);
		assertThat(RfmSegment.ofScores(3, 2)).isEqualTo(RfmSegment.ABOUT_TO_SLEEP);
		assertThat(RfmSegment.ofScores(2, 2)).isEqualTo(RfmSegment.HIBERNATING);
		assertThat(RfmSegment.ofScores(1, 1)).isEqualTo(RfmSegment.LOST);
		for (int r = 1; r <= 5; r++) {
			for (int fm = 1; fm <= 5; fm++) {
				assertThat(RfmSegment.ofScores(r, fm)).isNotEqualTo(RfmSegment.NO_PURCHASE);
			}
		}
		assertThatIllegalArgumentException().isThrownBy(() -> RfmSegment.ofScores(0, 3))
			.withMessage("rfm.invalid-score");
	}

	@Test
	void eachSchemeNamesExactlyTheSegmentsItAssignsToBuyers() {
		Set<RfmSegment> matrix = EnumSet.noneOf(RfmSegment.class);
		for (boolean recent : new boolean[] { true, false }) {
			for (boolean frequent : new boolean[] { true, false }) {
				matrix.add(RfmSegment.ofMatrix(recent, frequent, true));
				matrix.add(RfmSegment.ofMatrix(recent, frequent, false));
			}
		}
		Set<RfmSegment> scores = EnumSet.noneOf(RfmSegment.class);
		for (int r = 1; r <= 5; r++) {
			for (int fm = 1; fm <= 5; fm++) {
				scores.add(RfmSegment.ofScores(r, fm));
			}
		}
		assertThat(RfmScheme.VALUE_MATRIX.segments()).isEqualTo(matrix).hasSize(8);
		assertThat(RfmScheme.SCORE_RANGE.segments()).isEqualTo(scores).hasSize(11);
	}

	@Test
	void customerWithOnlyCancelledOrdersIsNoPurchaseAndLeftOutOfTheMeans() {
		List<RfmResult> results = this.matrix
			.classify(List.of(CustomerFacts.noPurchase(1), TestFacts.rfm(2, 10, 1, 100), TestFacts.rfm(3, 30, 3, 300)));
		assertThat(results.get(0)).extracting(RfmResult::segment, RfmResult::recencyScore, RfmResult::reason)
			.containsExactly(RfmSegment.NO_PURCHASE, 0, Reason.of("rfm.reason.no-purchase"));
		assertThat(results.get(1).reason()).isEqualTo(Reason.of("rfm.reason.matrix", 10, 20.0, 1, 2.0, 100.0, 200.0));
	}

	@Test
	void singleCustomerIsHighOnEverythingAndScoresOne() {
		RfmResult only = this.matrix.classify(List.of(TestFacts.rfm(1, 100, 1, 5))).get(0);
		assertThat(only.segment()).isEqualTo(RfmSegment.IMPORTANT_VALUE);
		assertThat(only).extracting(RfmResult::recencyScore, RfmResult::frequencyScore, RfmResult::monetaryScore)
			.containsExactly(1, 1, 1);
		assertThat(this.scores.classify(List.of(TestFacts.rfm(1, 100, 1, 5))).get(0).segment())
			.isEqualTo(RfmSegment.LOST);
	}

	@Test
	void emptyInputGivesNoResults() {
		assertThat(this.matrix.classify(List.of())).isEmpty();
		assertThat(this.scores.classify(List.of(CustomerFacts.noPurchase(4)))).extracting(RfmResult::segment)
			.containsExactly(RfmSegment.NO_PURCHASE);
	}

	@Test
	void cutPointsOutOfOrderAreRejectedWithAMessageKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RfmCuts(30, 20, 40, 50))
			.withMessage("rfm.settings.invalid-cuts");
		assertThatIllegalArgumentException().isThrownBy(() -> new RfmCuts(-1, 20, 40, 50))
			.withMessage("rfm.settings.invalid-cuts");
	}

	@Test
	void segmentsNameTheirMessageKeys() {
		assertThat(RfmSegment.CANT_LOSE.messageKey()).isEqualTo("rfm.segment.CANT_LOSE");
	}

}
