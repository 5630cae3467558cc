package com.tiercrm.ownership;

/**
 * Thrown by {@link CustomerReassignments} when the new owner is not someone the
 * reassigning user may give customers to: a disabled user, an admin, or for a manager
 * anyone outside their teams.
 */
public class OwnerNotAllowedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public OwnerNotAllowedException(long ownerId) {
		super("Customers cannot be given to user " + ownerId);
	}

}
