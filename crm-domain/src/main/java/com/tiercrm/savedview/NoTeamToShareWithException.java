package com.tiercrm.savedview;

/**
 * The user asked to share a view but neither belongs to a team nor leads one.
 */
public class NoTeamToShareWithException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	NoTeamToShareWithException(long userId) {
		super("User " + userId + " has no team to share with");
	}

}
