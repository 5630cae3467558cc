package com.tiercrm.tiering.cluster;

/**
 * One numeric variable, a value per customer; {@link Double#NaN} marks a missing value.
 *
 * @param name the variable's name, also the stem of its message keys (for instance
 * {@code frequency} gives {@code cluster.name.frequency.high})
 * @param values one value per row
 * @param scale how the values are transformed before standardising
 */
public record NumericVariable(String name, double[] values, Scale scale) {

	/**
	 * How values are transformed before they are standardised.
	 */
	public enum Scale {

		/** As they are. */
		LINEAR,

		/**
		 * {@code log1p}, for skewed amounts such as revenue: a few large customers would
		 * otherwise stretch the scale so much that everyone else falls into one cluster.
		 * Negative amounts (net refunds) keep their sign: {@code -log1p(-x)}.
		 */
		LOG

	}

	public static NumericVariable linear(String name, double[] values) {
		return new NumericVariable(name, values, Scale.LINEAR);
	}

	public static NumericVariable log(String name, double[] values) {
		return new NumericVariable(name, values, Scale.LOG);
	}

	double transformed(int row) {
		double value = this.values[row];
		if (this.scale == Scale.LOG) {
			return (value >= 0) ? Math.log1p(value) : -Math.log1p(-value);
		}
		return value;
	}

}
