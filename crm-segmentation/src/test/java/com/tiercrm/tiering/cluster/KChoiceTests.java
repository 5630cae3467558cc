package com.tiercrm.tiering.cluster;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KChoiceTests {

	@Test
	void fourSeparatedBlobsSuggestFour() {
		Blobs blobs = Blobs.generate(20_000, 4, 6, 1.0, 10, 5);

		KChoice choice = KChoice.suggest(blobs.matrix(), 2, 8, new KChoice.Settings(5_000, 1_000, 3, 9));

		assertThat(choice.suggested()).isEqualTo(4);
		assertThat(choice.elbow()).isEqualTo(4);
		assertThat(choice.scores()).extracting(KChoice.Score::k).containsExactly(2, 3, 4, 5, 6, 7, 8);
		assertThat(choice.clusteredRows()).isEqualTo(5_000);
		assertThat(choice.silhouetteRows()).isEqualTo(1_000);
		List<KChoice.Score> scores = choice.scores();
		for (int i = 1; i < scores.size(); i++) {
			assertThat(scores.get(i).wcss()).isLessThan(scores.get(i - 1).wcss());
		}
	}

	@Test
	void theElbowIsWhereTheCurveBendsMost() {
		List<KChoice.Score> scores = List.of(new KChoice.Score(2, 100, 0), new KChoice.Score(3, 40, 0),
				new KChoice.Score(4, 30, 0), new KChoice.Score(5, 25, 0), new KChoice.Score(6, 22, 0));

		assertThat(KChoice.elbow(scores)).isEqualTo(3);
	}

}
