package com.tiercrm.tiering.model;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntToLongFunction;

/**
 * The one ordering every ranked model uses: value descending, then customer id ascending,
 * so that equal values always rank the same way from run to run.
 */
final class Ranking {

	private Ranking() {
	}

	/**
	 * Orders the given positions.
	 * @param positions positions into the caller's data
	 * @param value value at a position
	 * @param id customer id at a position
	 * @return the positions, best first
	 */
	static int[] order(int[] positions, IntToDoubleFunction value, IntToLongFunction id) {
		Integer[] boxed = Arrays.stream(positions).boxed().toArray(Integer[]::new);
		Comparator<Integer> byValue = (left, right) -> Double.compare(value.applyAsDouble(right),
				value.applyAsDouble(left));
		Arrays.sort(boxed, byValue.thenComparingLong(id::applyAsLong));
		return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
	}

	/**
	 * Number of leading ranks inside a cumulative share of {@code n} customers:
	 * {@code ceil(share × n)}, immune to the rounding of {@code share × n}.
	 * @param share the share, in [0, 1]
	 * @param n the number of ranked customers
	 * @return the count of ranks
	 */
	static int ranksWithin(double share, int n) {
		return (int) Math.min(n, Math.ceil(share * n - 1e-9));
	}

}
