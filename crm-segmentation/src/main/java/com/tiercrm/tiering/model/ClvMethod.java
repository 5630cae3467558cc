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
	 * The plain fallback: average order value (total revenue / completed orders) × orders
	 * per month over the customer's tenure (first purchase to as-of date, at least one
	 * 30-day month) × margin × the configured expected lifetime in months, without
	 * discounting. Used for everyone when the fit falls back, and for a single customer
	 * whose hypergeometric series does not converge.
	 */
	SIMPLE,

	/**
	 * No prediction: the customer never completed an order.
	 */
	NONE

}
