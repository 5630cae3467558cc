package com.tiercrm.tiering.model;

/**
 * ABC class, declared from the best to the worst.
 */
public enum AbcClass implements RankedClass {

	/**
	 * The few customers that bring most of the value.
	 */
	A,

	/**
	 * The middle.
	 */
	B,

	/**
	 * The many customers that bring little value, including buyers whose measured value
	 * is zero or negative.
	 */
	C,

	/**
	 * Never completed an order; not ranked and not counted in the population.
	 */
	NO_PURCHASE

}
