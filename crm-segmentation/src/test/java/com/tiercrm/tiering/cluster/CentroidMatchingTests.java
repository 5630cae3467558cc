package com.tiercrm.tiering.cluster;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CentroidMatchingTests {

	@Test
	void clustersKeepTheirNumbersWhenKMeansShufflesThem() {
		double[][] previous = { { 0, 0 }, { 10, 0 }, { 0, 10 } };
		double[][] current = { { 0.5, 9.5 }, { 0.2, -0.1 }, { 9.8, 0.3 } };

		CentroidMatching matching = CentroidMatching.match(previous, current);

		assertThat(matching.previousOf()).containsExactly(2, 0, 1);
		assertThat(matching.relabel(new int[] { 0, 1, 2, 2 }, 3)).containsExactly(2, 0, 1, 1);
	}

	@Test
	void theTotalIsMinimisedWhereTheNearestFirstMatchIsNot() {
		// nearest first: 4 takes 0 (4), leaving 10 to -6 (16), 20 in all; the best is 6 +
		// 6
		double[][] previous = { { 0 }, { 10 } };
		double[][] current = { { 4 }, { -6 } };

		CentroidMatching matching = CentroidMatching.match(previous, current);

		assertThat(matching.previousOf()).containsExactly(1, 0);
		assertThat(matching.distance()).containsExactly(6, 6);
		assertThat(matching.totalDistance()).isEqualTo(12);
	}

	@Test
	void hungarianAgreesWithTryingEveryAssignment() {
		SplittableRandom random = new SplittableRandom(13);
		for (int trial = 0; trial < 200; trial++) {
			int rows = 1 + random.nextInt(6);
			int columns = 1 + random.nextInt(6);
			double[][] cost = new double[rows][columns];
			for (double[] line : cost) {
				for (int j = 0; j < columns; j++) {
					line[j] = random.nextInt(20);
				}
			}

			int[] assigned = Hungarian.assign(cost);

			assertThat(total(cost, assigned)).as("trial %d", trial)
				.isEqualTo(bruteForce(cost, 0, new boolean[columns]));
			assertThat(Arrays.stream(assigned).filter((column) -> column >= 0).distinct().count())
				.isEqualTo(Math.min(rows, columns));
		}
	}

	@Test
	void moreClustersThanBeforeLeaveTheFarthestNew() {
		double[][] previous = { { 0 }, { 10 } };
		double[][] current = { { 10.5 }, { 30 }, { -0.5 } };

		CentroidMatching matching = CentroidMatching.match(previous, current);

		assertThat(matching.previousOf()).containsExactly(1, -1, 0);
		assertThat(matching.distance()[1]).isNaN();
		assertThat(matching.relabel(new int[] { 0, 1, 2 }, 2)).containsExactly(1, 2, 0);
	}

	private static double total(double[][] cost, int[] assigned) {
		double total = 0;
		for (int i = 0; i < assigned.length; i++) {
			total += (assigned[i] >= 0) ? cost[i][assigned[i]] : 0;
		}
		return total;
	}

	/**
	 * The least cost of assigning rows from {@code row} on, each row to a free column or
	 * to none.
	 */
	private static double bruteForce(double[][] cost, int row, boolean[] used) {
		if (row == cost.length) {
			return 0;
		}
		int assignedRows = 0;
		for (boolean column : used) {
			assignedRows += column ? 1 : 0;
		}
		int mustAssign = Math.min(cost.length, used.length);
		double best = Double.POSITIVE_INFINITY;
		// a row may stay out only if the remaining rows can still fill the columns needed
		if (cost.length - row - 1 >= mustAssign - assignedRows) {
			best = bruteForce(cost, row + 1, used);
		}
		for (int j = 0; j < used.length; j++) {
			if (!used[j]) {
				used[j] = true;
				best = Math.min(best, cost[row][j] + bruteForce(cost, row + 1, used));
				used[j] = false;
			}
		}
		return best;
	}

}
