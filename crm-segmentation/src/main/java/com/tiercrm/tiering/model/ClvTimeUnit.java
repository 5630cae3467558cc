package com.tiercrm.tiering.model;

/**
 * The time unit BG/NBD is fitted in. Facts are in days; {@code t_x} and {@code T} are
 * divided by {@link #days()}. A month of the CLV horizon is {@link #perMonth()} units: 30
 * days, or 4.345 weeks (52.14 / 12). Reading weekly data with 30 units a month, as the
 * lifetimes default {@code freq="D"} does, stretches a 12-month horizon to 360 weeks.
 */
public enum ClvTimeUnit {

	/**
	 * One day; 30 per month.
	 */
	DAY(1, 30),

	/**
	 * Seven days; 4.345 per month.
	 */
	WEEK(7, 4.345);

	private final double days;

	private final double perMonth;

	ClvTimeUnit(double days, double perMonth) {
		this.days = days;
		this.perMonth = perMonth;
	}

	/**
	 * Days per unit.
	 * @return 1 or 7
	 */
	public double days() {
		return this.days;
	}

	/**
	 * Units per month of the CLV horizon.
	 * @return 30 or 4.345
	 */
	public double perMonth() {
		return this.perMonth;
	}

}
