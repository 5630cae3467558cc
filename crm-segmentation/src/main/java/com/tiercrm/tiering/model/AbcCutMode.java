package com.tiercrm.tiering.model;

/**
 * How the ABC limits are read.
 */
public enum AbcCutMode {

	/**
	 * Limits are cumulative shares of the total value (Pareto, for example 80 % and 95
	 * %).
	 */
	VALUE_SHARE,

	/**
	 * Limits are cumulative shares of the ranked customers (for example 20 % and 50 % for
	 * a 20/30/50 split).
	 */
	CUSTOMER_SHARE

}
