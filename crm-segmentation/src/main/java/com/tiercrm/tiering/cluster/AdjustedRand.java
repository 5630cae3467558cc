package com.tiercrm.tiering.cluster;

import java.util.HashMap;
import java.util.Map;

/**
 * The adjusted Rand index of two labelings of the same rows (Hubert and Arabie, 1985): 1
 * when they group the rows identically whatever the cluster numbers, about 0 when they
 * agree no more than chance. Between two runs it measures how stable the segments are.
 */
public final class AdjustedRand {

	private AdjustedRand() {
	}

	/**
	 * The index, from the contingency table of the two labelings.
	 * @param a the first labeling
	 * @param b the second, of the same rows
	 * @return the index; 1 when both put all rows in one cluster or each row alone (as
	 * scikit-learn)
	 */
	public static double of(int[] a, int[] b) {
		if (a.length != b.length) {
			throw new IllegalArgumentException("Labelings of " + a.length + " and " + b.length + " rows");
		}
		Map<Long, Long> cells = new HashMap<>();
		Map<Integer, Long> rows = new HashMap<>();
		Map<Integer, Long> columns = new HashMap<>();
		for (int i = 0; i < a.length; i++) {
			cells.merge(((long) a[i] << 32) | (b[i] & 0xffffffffL), 1L, Long::sum);
			rows.merge(a[i], 1L, Long::sum);
			columns.merge(b[i], 1L, Long::sum);
		}
		double index = 0;
		for (long count : cells.values()) {
			index += pairs(count);
		}
		double rowPairs = 0;
		for (long count : rows.values()) {
			rowPairs += pairs(count);
		}
		double columnPairs = 0;
		for (long count : columns.values()) {
			columnPairs += pairs(count);
		}
		double expected = rowPairs * columnPairs / pairs(a.length);
		double maximum = (rowPairs + columnPairs) / 2;
		if (maximum == expected) {
			return 1;
		}
		return (index - expected) / (maximum - expected);
	}

	private static double pairs(long count) {
		return count * (count - 1) / 2.0;
	}

}
