package com.tiercrm.order;

/**
 * Only completed orders count towards a customer's value; cancelled and refunded ones are
 * kept for the record.
 */
public enum OrderStatus {

	COMPLETED, CANCELLED, REFUNDED

}
