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
		// the keys travel with the positions, so merging reads memory in order
		Run source = new Run(n);
		for (int i = 0; i < n; i++) {
			source.set(i, values[positions[i]], ids[positions[i]], positions[i]);
		}
		for (int start = 0; start < n; start += INSERTION_RUN) {
			int end = Math.min(n, start + INSERTION_RUN);
			for (int i = start + 1; i < end; i++) {
				double value = source.values[i];
				long id = source.ids[i];
				int position = source.positions[i];
				int j = i - 1;
				while (j >= start && before(value, id, source.values[j], source.ids[j])) {
					source.set(j + 1, source.values[j], source.ids[j], source.positions[j]);
					j--;
				}
				source.set(j + 1, value, id, position);
			}
		}
		Run target = new Run(n);
		for (int width = INSERTION_RUN; width < n; width *= 2) {
			for (int low = 0; low < n; low += 2 * width) {
				int middle = Math.min(n, low + width);
				int high = Math.min(n, low + 2 * width);
				int left = low;
				int right = middle;
				for (int k = low; k < high; k++) {
					boolean takeLeft = left < middle && (right >= high
							|| !before(source.values[right], source.ids[right], source.values[left], source.ids[left]));
					int from = takeLeft ? left++ : right++;
					target.set(k, source.values[from], source.ids[from], source.positions[from]);
				}
			}
			Run swap = source;
			source = target;
			target = swap;
		}
		return source.positions;
	}

	private static boolean before(double value, long id, double otherValue, long otherId) {
		int byValue = Double.compare(otherValue, value);
		return byValue < 0 || (byValue == 0 && id < otherId);
	}

	/**
	 * Keys and positions in step.
	 */
	private static final class Run {

		final double[] values;

		final long[] ids;

		final int[] positions;

		Run(int n) {
			this.values = new double[n];
			this.ids = new long[n];
			this.positions = new int[n];
		}

		void set(int i, double value, long id, int position) {
			this.values[i] = value;
			this.ids[i] = id;
			this.positions[i] = position;
		}

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
