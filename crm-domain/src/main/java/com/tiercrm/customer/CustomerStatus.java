package com.tiercrm.customer;

/**
 * Whether the customer is still being served, or was merged into another customer that
 * keeps its orders, interactions and history.
 */
public enum CustomerStatus {

	ACTIVE, INACTIVE, MERGED

}
