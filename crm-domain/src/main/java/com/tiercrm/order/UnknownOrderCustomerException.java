package com.tiercrm.order;

/**
 * An order names a customer that does not exist or that the user may not see: the two
 * look the same.
 */
public class UnknownOrderCustomerException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String code;

	public UnknownOrderCustomerException(String code) {
		super("No customer " + code);
		this.code = code;
	}

	public String code() {
		return this.code;
	}

}
