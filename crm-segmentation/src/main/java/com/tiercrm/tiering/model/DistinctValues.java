package com.tiercrm.tiering.model;

import java.util.Arrays;

/**
 * The distinct values of a column and, for every element, the position of its value among
 * them. Whole numbers of days are indexed by counting, other values by sorting.
 *
 * @param values the distinct values, ascending
 * @param index for every element, the position of its value in {@code values}
 */
record DistinctValues(double[] values, int[] index) {

	static DistinctValues of(int[] column, double unit) {
		int max = 0;
		for (int value : column) {
			if (value < 0) {
				throw new IllegalArgumentException("clv.invalid-facts");
			}
			max = Math.max(max, value);
		}
		int[] position = new int[max + 1];
		for (int value : column) {
			position[value] = 1;
		}
		int count = 0;
		for (int value = 0; value <= max; value++) {
			if (position[value] != 0) {
				position[value] = ++count;
			}
		}
		double[] values = new double[count];
		for (int value = 0; value <= max; value++) {
			if (position[value] != 0) {
				values[position[value] - 1] = value / unit;
			}
		}
		int[] index = new int[column.length];
		for (int i = 0; i < column.length; i++) {
			index[i] = position[column[i]] - 1;
		}
		return new DistinctValues(values, index);
	}

	static DistinctValues of(double[] column) {
		double[] sorted = column.clone();
		Arrays.sort(sorted);
		int count = 0;
		for (int i = 0; i < sorted.length; i++) {
			if (i == 0 || sorted[i] != sorted[i - 1]) {
				sorted[count++] = sorted[i];
			}
		}
		double[] values = Arrays.copyOf(sorted, count);
		int[] index = new int[column.length];
		for (int i = 0; i < column.length; i++) {
			index[i] = Arrays.binarySearch(values, column[i]);
		}
		return new DistinctValues(values, index);
	}

}
