package com.tiercrm.tiering.cluster;

import java.util.SplittableRandom;

/**
 * Random row samples, for the steps whose cost grows with the square of the rows
 * (silhouettes, Ward's hierarchy) or that are repeated many times (choosing K).
 */
final class Sampling {

	private Sampling() {
	}

	/**
	 * Row indices drawn without replacement, in increasing order (Knuth's selection
	 * sampling: one pass, no set of drawn indices).
	 * @param rows the rows to draw from
	 * @param count how many to draw; all rows when there are not more
	 * @param random the source of randomness
	 * @return the indices
	 */
	static int[] rows(int rows, int count, SplittableRandom random) {
		int wanted = Math.min(rows, count);
		int[] chosen = new int[wanted];
		int taken = 0;
		for (int row = 0; row < rows && taken < wanted; row++) {
			if (random.nextDouble() * (rows - row) < wanted - taken) {
				chosen[taken++] = row;
			}
		}
		return chosen;
	}

	static DataMatrix sample(DataMatrix matrix, int count, SplittableRandom random) {
		return (matrix.rows() <= count) ? matrix : matrix.select(rows(matrix.rows(), count, random));
	}

}
