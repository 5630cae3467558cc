package com.tiercrm.tiering.cluster;

import java.util.List;
import java.util.stream.IntStream;

/**
 * A dense matrix of observations, stored row after row in one primitive array: a million
 * rows of twelve variables is one 96 MB array rather than a million objects, and the
 * distance loops of k-means read it sequentially.
 *
 * @param rows the number of observations
 * @param columns the number of variables
 * @param values the values, row-major ({@code values[row * columns + column]})
 * @param columnNames one name per column
 */
public record DataMatrix(int rows, int columns, double[] values, List<String> columnNames) {

	public DataMatrix {
		if (rows < 0 || columns < 1 || (long) rows * columns != values.length) {
			throw new IllegalArgumentException(
					"A " + rows + " x " + columns + " matrix cannot hold " + values.length + " values");
		}
		if (columnNames.size() != columns) {
			throw new IllegalArgumentException(columns + " columns but " + columnNames.size() + " names");
		}
		columnNames = List.copyOf(columnNames);
	}

	/**
	 * A matrix from rows given as arrays (tests and small samples), with columns named
	 * {@code x1, x2, …}.
	 * @param rows the rows, all of the same length
	 * @return the matrix
	 */
	public static DataMatrix ofRows(double[][] rows) {
		int columns = rows[0].length;
		double[] values = new double[rows.length * columns];
		for (int r = 0; r < rows.length; r++) {
			if (rows[r].length != columns) {
				throw new IllegalArgumentException("Row " + r + " has " + rows[r].length + " values, not " + columns);
			}
			System.arraycopy(rows[r], 0, values, r * columns, columns);
		}
		return new DataMatrix(rows.length, columns, values, defaultNames(columns));
	}

	static List<String> defaultNames(int columns) {
		return IntStream.rangeClosed(1, columns).mapToObj((c) -> "x" + c).toList();
	}

	public double get(int row, int column) {
		return this.values[row * this.columns + column];
	}

	/**
	 * One row, copied.
	 * @param row the row index
	 * @return its values
	 */
	public double[] row(int row) {
		double[] copy = new double[this.columns];
		System.arraycopy(this.values, row * this.columns, copy, 0, this.columns);
		return copy;
	}

	/**
	 * The rows at the given indices, in that order.
	 * @param indices row indices
	 * @return a new matrix with the same column names
	 */
	public DataMatrix select(int[] indices) {
		double[] selected = new double[indices.length * this.columns];
		for (int i = 0; i < indices.length; i++) {
			System.arraycopy(this.values, indices[i] * this.columns, selected, i * this.columns, this.columns);
		}
		return new DataMatrix(indices.length, this.columns, selected, this.columnNames);
	}

	/**
	 * The first columns only (for instance the first principal components).
	 * @param count how many columns to keep
	 * @return a new matrix
	 */
	public DataMatrix firstColumns(int count) {
		if (count < 1 || count > this.columns) {
			throw new IllegalArgumentException("Cannot keep " + count + " of " + this.columns + " columns");
		}
		double[] kept = new double[this.rows * count];
		for (int r = 0; r < this.rows; r++) {
			System.arraycopy(this.values, r * this.columns, kept, r * count, count);
		}
		return new DataMatrix(this.rows, count, kept, this.columnNames.subList(0, count));
	}

}
