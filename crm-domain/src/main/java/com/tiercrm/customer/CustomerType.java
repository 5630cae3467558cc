package com.tiercrm.customer;

/**
 * Enterprise or individual customer.
 */
public enum CustomerType {

	ENTERPRISE, INDIVIDUAL

}
