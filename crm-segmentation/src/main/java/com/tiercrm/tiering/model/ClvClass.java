package com.tiercrm.tiering.model;

/**
 * CLV class by predicted value, declared from the best to the worst.
 */
public enum ClvClass implements RankedClass {

	/**
	 * The top share of customers by predicted value.
	 */
	HIGH,

	/**
	 * The next share.
	 */
	MEDIUM,

	/**
	 * The rest, and every customer with a predicted value of zero.
	 */
	LOW,

	/**
	 * Never completed an order; not ranked.
	 */
	NO_PURCHASE

}
