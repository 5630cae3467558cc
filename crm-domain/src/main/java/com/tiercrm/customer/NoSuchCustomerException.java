package com.tiercrm.customer;

/**
 * No customer with that code within the caller's scope, whether it does not exist or
 * belongs to someone else.
 */
public class NoSuchCustomerException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public NoSuchCustomerException(String code) {
		super("No customer " + code);
	}

}
