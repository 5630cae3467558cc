package com.tiercrm.tiering.model;

import java.util.Arrays;

/**
 * Customer histories (x, tx, T) folded into distinct weighted rows, so that a million
 * customers with whole-day times become a few hundred thousand rows at most.
 */
final class BgNbdData {

	/** Distinct repeat counts. */
	final int[] xValues;

	/** Number of customers per distinct repeat count. */
	final double[] xWeights;

	/** Distinct values of tx, in time units. */
	final double[] txValues;

	/** Distinct values of T, in time units. */
	final double[] tValues;

	/** Per row: position in {@link #xValues}. */
	final int[] rowX;

	/** Per row: position in {@link #txValues}. */
	final int[] rowTx;

	/** Per row: position in {@link #tValues}. */
	final int[] rowT;

	/** Per row: number of customers. */
	final double[] rowWeight;

	final double totalWeight;

	private BgNbdData(int[] x, DistinctValues tx, DistinctValues t) {
		int n = x.length;
		if (tx.index().length != n || t.index().length != n) {
			throw new IllegalArgumentException("clv.invalid-facts");
		}
		DistinctValues xs = DistinctValues.of(x, 1);
		this.xValues = Arrays.stream(xs.values()).mapToInt((value) -> (int) value).toArray();
		this.txValues = tx.values();
		this.tValues = t.values();
		if (this.xValues.length >= (1 << 21) || this.txValues.length >= (1 << 21) || this.tValues.length >= (1 << 21)) {
			throw new IllegalArgumentException("clv.too-many-distinct-values");
		}
		long[] keys = new long[n];
		for (int i = 0; i < n; i++) {
			if (this.txValues[tx.index()[i]] > this.tValues[t.index()[i]]) {
				throw new IllegalArgumentException("clv.invalid-facts");
			}
			keys[i] = ((long) xs.index()[i] << 42) | ((long) tx.index()[i] << 21) | t.index()[i];
		}
		Arrays.sort(keys);
		int rows = 0;
		for (int i = 0; i < n; i++) {
			if (i == 0 || keys[i] != keys[i - 1]) {
				rows++;
			}
		}
		this.rowX = new int[rows];
		this.rowTx = new int[rows];
		this.rowT = new int[rows];
		this.rowWeight = new double[rows];
		this.xWeights = new double[this.xValues.length];
		int row = -1;
		for (int i = 0; i < n; i++) {
			if (i == 0 || keys[i] != keys[i - 1]) {
				row++;
				this.rowX[row] = (int) (keys[i] >>> 42);
				this.rowTx[row] = (int) ((keys[i] >>> 21) & ((1 << 21) - 1));
				this.rowT[row] = (int) (keys[i] & ((1 << 21) - 1));
			}
			this.rowWeight[row]++;
			this.xWeights[this.rowX[row]]++;
		}
		this.totalWeight = n;
	}

	/**
	 * Histories measured in whole days.
	 * @param x repeat purchase days per customer
	 * @param txDays days from the first to the last purchase day
	 * @param tDays days from the first purchase day to the end of observation
	 * @param daysPerUnit days per model time unit
	 * @return the folded data
	 */
	static BgNbdData ofDays(int[] x, int[] txDays, int[] tDays, double daysPerUnit) {
		return new BgNbdData(x, DistinctValues.of(txDays, daysPerUnit), DistinctValues.of(tDays, daysPerUnit));
	}

	/**
	 * Histories already in model time units.
	 * @param x repeat purchases per customer
	 * @param tx time of the last purchase
	 * @param t length of observation
	 * @return the folded data
	 */
	static BgNbdData of(int[] x, double[] tx, double[] t) {
		return new BgNbdData(x, DistinctValues.of(tx), DistinctValues.of(t));
	}

	int rows() {
		return this.rowWeight.length;
	}

}
