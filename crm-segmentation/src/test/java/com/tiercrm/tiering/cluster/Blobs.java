package com.tiercrm.tiering.cluster;

import java.util.SplittableRandom;

/**
 * Synthetic Gaussian blobs with known memberships, like scikit-learn's
 * {@code make_blobs}: centres drawn uniformly in a box, rows drawn around them.
 */
record Blobs(DataMatrix matrix, int[] truth, double[][] centres) {

	static Blobs generate(int rows, int clusters, int columns, double spread, double box, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		double[][] centres = new double[clusters][columns];
		for (double[] centre : centres) {
			for (int j = 0; j < columns; j++) {
				centre[j] = (random.nextDouble() * 2 - 1) * box;
			}
		}
		double[] values = new double[rows * columns];
		int[] truth = new int[rows];
		for (int r = 0; r < rows; r++) {
			int c = r % clusters;
			truth[r] = c;
			for (int j = 0; j < columns; j++) {
				values[r * columns + j] = centres[c][j] + spread * normal(random);
			}
		}
		return new Blobs(new DataMatrix(rows, columns, values, DataMatrix.defaultNames(columns)), truth, centres);
	}

	static double normal(SplittableRandom random) {
		double u = 1 - random.nextDouble();
		double v = random.nextDouble();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

}
