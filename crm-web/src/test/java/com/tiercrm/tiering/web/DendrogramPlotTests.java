package com.tiercrm.tiering.web;

import java.util.List;

import com.tiercrm.tiering.cluster.Dendrogram;
import com.tiercrm.tiering.cluster.Dendrogram.Merge;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DendrogramPlotTests {

	/** Five leaves: 0+1 and 2+3 low, then {0,1}+4, then all at the top. */
	private final Dendrogram dendrogram = new Dendrogram(5,
			List.of(new Merge(0, 1, 1, 2), new Merge(2, 3, 1.5, 2), new Merge(4, 5, 2, 3), new Merge(6, 7, 8, 5)));

	@Test
	void drawsTheLastMergesWithTheGroupsBelowTheCutAsLeaves() {
		DendrogramPlot plot = DendrogramPlot.of(this.dendrogram, 3);
		// the last two merges: {2,3} with ({0,1} with 4); {0,1} and {2,3} are below the
		// cut
		assertThat(plot.leaves()).extracting(DendrogramPlot.Leaf::size).containsExactlyInAnyOrder(2, 1, 2);
		assertThat(plot.leaves().stream().mapToInt(DendrogramPlot.Leaf::size).sum()).isEqualTo(5);
		assertThat(plot.lines()).hasSize(6);
		// the top merge is drawn at the top margin, the leaves at the bottom
		double top = plot.lines().stream().mapToDouble(DendrogramPlot.Line::y2).min().orElseThrow();
		assertThat(top).isEqualTo(30);
		assertThat(plot.leaves()).allSatisfy((leaf) -> assertThat(leaf.x()).isBetween(0.0, (double) plot.width()));
	}

	@Test
	void showsEveryLeafWhenAskedForMoreGroupsThanThereAre() {
		DendrogramPlot plot = DendrogramPlot.of(this.dendrogram, 12);
		assertThat(plot.leaves()).hasSize(5).allSatisfy((leaf) -> assertThat(leaf.size()).isOne());
		assertThat(plot.lines()).hasSize(12);
	}

}
