package com.tiercrm.tiering.model;

/**
 * How a customer's predicted value was computed.
 */
public enum ClvMethod {

	/**
	 * BG/NBD expected purchases times Gamma-Gamma expected spend, discounted monthly.
	 */
	BG_NBD_GAMMA_GAMMA,

	/**
	 * The plain fallback: average order value × orders per month × margin × expected
	 * lifetime in months, without discounting.
	 */
	SIMPLE,

	/**
	 * No prediction: the customer never completed an order.
	 */
	NONE

}
