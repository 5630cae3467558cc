package com.tiercrm.account;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Thrown by {@link AccountManagement} when a change would leave users or teams
 * inconsistent, e.g. a rep without a team or no admin left. Carries the message key of
 * the reason and the form field it concerns, so that pages can show it in the user's
 * language next to the input.
 */
public class AccountChangeRefusedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final @Nullable String field;

	private final String reason;

	private final List<String> arguments;

	public AccountChangeRefusedException(@Nullable String field, String reason, String... arguments) {
		super(reason);
		this.field = field;
		this.reason = reason;
		this.arguments = List.of(arguments);
	}

	/**
	 * The form field the reason concerns; {@code null} for the whole request.
	 */
	public @Nullable String field() {
		return this.field;
	}

	/**
	 * The message key of the reason.
	 */
	public String reason() {
		return this.reason;
	}

	/**
	 * The message's arguments, such as team names.
	 */
	public Object[] arguments() {
		return this.arguments.toArray();
	}

}
