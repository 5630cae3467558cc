package com.tiercrm.account;

/**
 * Thrown by {@link ApiTokenManagement} for a token that does not exist or is another
 * user's.
 */
public class UnknownApiTokenException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	UnknownApiTokenException(long tokenId) {
		super("No API token " + tokenId);
	}

}
