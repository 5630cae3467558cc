package com.tiercrm.customer;

/**
 * A page cursor that was not made by {@link CustomerSearch}, or not for the sort asked
 * for.
 */
public class InvalidCursorException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	protected InvalidCursorException(String cursor) {
		super("Invalid page cursor: " + cursor);
	}

}
