package com.tiercrm.ownership;

/**
 * Which customers a reassignment took.
 */
public enum Selection {

	/** One customer, from its page. */
	ONE,
	/** Customers ticked on the list. */
	SELECTED,
	/** Every customer the list's filter matched. */
	FILTER

}
