package com.tiercrm.tiering.list;

/**
 * Thrown when a tiered list cursor was not handed out by the list for the sort asked for:
 * a bad request, not a server error.
 */
public class InvalidListCursorException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	InvalidListCursorException(String cursor) {
		super("Invalid cursor: " + cursor);
	}

}
