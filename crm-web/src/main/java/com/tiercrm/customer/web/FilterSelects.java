package com.tiercrm.customer.web;

/**
 * The escaped {@code <option>} elements of each of the customer list's filters, the
 * chosen value selected.
 */
record FilterSelects(String owner, String region, String industry, String tier, String abc, String rfm, String clv,
		String alive, String sort) {

}
