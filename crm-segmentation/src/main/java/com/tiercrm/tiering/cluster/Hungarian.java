package com.tiercrm.tiering.cluster;

import java.util.Arrays;

/**
 * The Hungarian algorithm (Kuhn-Munkres with potentials, O(n³)) for a rectangular cost
 * matrix. Hipparchus has no assignment solver, and the matrices here are at most a few
 * dozen clusters wide.
 */
final class Hungarian {

	private Hungarian() {
	}

	/**
	 * Assigns rows to columns one to one at the least total cost.
	 * @param cost {@code cost[row][column]}, finite
	 * @return for each row its column, or -1 when there are more rows than columns and
	 * the row was left out
	 */
	static int[] assign(double[][] cost) {
		int rows = cost.length;
		int columns = (rows > 0) ? cost[0].length : 0;
		if (rows == 0 || columns == 0) {
			int[] none = new int[rows];
			Arrays.fill(none, -1);
			return none;
		}
		boolean transposed = rows > columns;
		double[][] a = transposed ? transpose(cost) : cost;
		int n = a.length;
		int m = a[0].length;
		// 1-based arrays as in the classic formulation; column 0 is a virtual start
		double[] u = new double[n + 1];
		double[] v = new double[m + 1];
		int[] rowOfColumn = new int[m + 1];
		int[] way = new int[m + 1];
		for (int i = 1; i <= n; i++) {
			rowOfColumn[0] = i;
			int column = 0;
			double[] minimum = new double[m + 1];
			Arrays.fill(minimum, Double.POSITIVE_INFINITY);
			boolean[] used = new boolean[m + 1];
			do {
				used[column] = true;
				int row = rowOfColumn[column];
				double delta = Double.POSITIVE_INFINITY;
				int nextColumn = 0;
				for (int j = 1; j <= m; j++) {
					if (!used[j]) {
						double reduced = a[row - 1][j - 1] - u[row] - v[j];
						if (reduced < minimum[j]) {
							minimum[j] = reduced;
							way[j] = column;
						}
						if (minimum[j] < delta) {
							delta = minimum[j];
							nextColumn = j;
						}
					}
				}
				for (int j = 0; j <= m; j++) {
					if (used[j]) {
						u[rowOfColumn[j]] += delta;
						v[j] -= delta;
					}
					else {
						minimum[j] -= delta;
					}
				}
				column = nextColumn;
			}
			while (rowOfColumn[column] != 0);
			do {
				int previous = way[column];
				rowOfColumn[column] = rowOfColumn[previous];
				column = previous;
			}
			while (column != 0);
		}
		int[] result = new int[rows];
		Arrays.fill(result, -1);
		for (int j = 1; j <= m; j++) {
			if (rowOfColumn[j] != 0) {
				if (transposed) {
					result[j - 1] = rowOfColumn[j] - 1;
				}
				else {
					result[rowOfColumn[j] - 1] = j - 1;
				}
			}
		}
		return result;
	}

	private static double[][] transpose(double[][] matrix) {
		double[][] transposed = new double[matrix[0].length][matrix.length];
		for (int i = 0; i < matrix.length; i++) {
			for (int j = 0; j < matrix[0].length; j++) {
				transposed[j][i] = matrix[i][j];
			}
		}
		return transposed;
	}

}
