package com.tiercrm.account;

/**
 * A user who can own customers, as an owner picker or filter lists them.
 *
 * @param id the user's id
 * @param displayName the name shown
 */
public record OwnerOption(long id, String displayName) {

}
