package com.tiercrm.account;

/**
 * What a user may do: reps work their own book, managers their team's, admins manage
 * users and data.
 */
public enum Role {

	ADMIN, MANAGER, SALES_REP

}
