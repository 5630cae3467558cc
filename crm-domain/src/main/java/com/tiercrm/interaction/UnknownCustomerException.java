package com.tiercrm.interaction;

/**
 * Thrown when a contact is logged against a customer that does not exist or that the rep
 * may not see; the two look the same.
 */
public class UnknownCustomerException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String code;

	public UnknownCustomerException(String code) {
		super("No customer " + code);
		this.code = code;
	}

	public String code() {
		return this.code;
	}

}
