package com.tiercrm.order;

/**
 * No such order, or one of a customer the user may not see: the two look the same.
 */
public class UnknownOrderException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public UnknownOrderException(long id) {
		super("No order " + id);
	}

}
