package com.tiercrm.customer;

/**
 * Whether the customer is still being served.
 */
public enum CustomerStatus {

	ACTIVE, INACTIVE

}
