package com.tiercrm.account;

/**
 * Published when what a user may do changed: they were deactivated, their role or
 * head-of-sales flag changed, or an admin reset their password. Their open sessions carry
 * the old rights and end.
 *
 * @param userId the user
 * @param username the user's username, the principal name of their sessions
 */
public record UserAccessChanged(long userId, String username) {

}
