package com.tiercrm.account;

import java.io.Serializable;

/**
 * The customers a user may see, applied inside every customer query rather than by hiding
 * links.
 *
 * @param userId the user asking
 * @param kind how far the user's view reaches
 */
// Serializable: the signed-in principal carries it into the session, which is stored in
// the database.
public record AccessScope(long userId, Kind kind) implements Serializable {

	public static AccessScope all(long userId) {
		return new AccessScope(userId, Kind.ALL);
	}

	public static AccessScope team(long userId) {
		return new AccessScope(userId, Kind.TEAM);
	}

	public static AccessScope own(long userId) {
		return new AccessScope(userId, Kind.OWN);
	}

	/**
	 * The SQL condition that limits rows to this scope, given the column holding the
	 * customer's owner. It uses the named parameter {@code :scopeUser}, bound to
	 * {@link #userId()}.
	 */
	public String ownerCondition(String ownerColumn) {
		return switch (this.kind) {
			case ALL -> "1 = 1";
			case OWN -> ownerColumn + " = :scopeUser";
			case TEAM -> "(" + ownerColumn + " = :scopeUser or " + ownerColumn + " in (select m.id from users m"
					+ " join teams t on t.id = m.team_id where t.manager_id = :scopeUser))";
		};
	}

	/**
	 * How far a user's view of customers reaches.
	 */
	public enum Kind {

		/** Every customer (admins, head of sales). */
		ALL,
		/** Customers owned by the manager or by reps in teams the manager leads. */
		TEAM,
		/** Only customers the user owns. */
		OWN

	}

}
