package com.tiercrm.tiering.model;

/**
 * The one ordering every ranked model uses: value descending, then customer id ascending,
 * so that equal values always rank the same way from run to run. Sorted on primitive
 * arrays (a bottom-up merge sort) because runs rank a million customers.
 */
final class Ranking {

	private static final int INSERTION_RUN = 32;

	private Ranking() {
	}

	/**
	 * Orders the given positions.
	 * @param positions positions into {@code values} and {@code ids}
	 * @param values value at each position
	 * @param ids customer id at each position
	 * @return the positions, best first
	 */
	static int[] order(int[] positions, double[] values, long[] ids) {
		int n = positions.length;
		int[] source = positions.clone();
		for (int start = 0; start < n; start += INSERTION_RUN) {
			int end = Math.min(n, start + INSERTION_RUN);
			for (int i = start + 1; i < end; i++) {
				int moving = source[i];
				int j = i - 1;
				while (j >= start && before(moving, source[j], values, ids)) {
					source[j + 1] = source[j];
					j--;
				}
				source[j + 1] = moving;
			}
		}
		int[] target = new int[n];
		for (int width = INSERTION_RUN; width < n; width *= 2) {
			for (int low = 0; low < n; low += 2 * width) {
				int middle = Math.min(n, low + width);
				int high = Math.min(n, low + 2 * width);
				int left = low;
				int right = middle;
				for (int k = low; k < high; k++) {
					if (left < middle && (right >= high || !before(source[right], source[left], values, ids))) {
						target[k] = source[left++];
					}
					else {
						target[k] = source[right++];
					}
				}
			}
			int[] swap = source;
			source = target;
			target = swap;
		}
		return source;
	}

	private static boolean before(int left, int right, double[] values, long[] ids) {
		int byValue = Double.compare(values[right], values[left]);
		return byValue < 0 || (byValue == 0 && ids[left] < ids[right]);
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
