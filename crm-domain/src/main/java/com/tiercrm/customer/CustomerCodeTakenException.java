package com.tiercrm.customer;

/**
 * A new customer was given a code another customer already has.
 */
public class CustomerCodeTakenException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String code;

	public CustomerCodeTakenException(String code) {
		super("Customer code " + code + " is taken");
		this.code = code;
	}

	public String code() {
		return this.code;
	}

}
