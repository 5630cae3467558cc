package com.tiercrm.contact;

import org.jspecify.annotations.Nullable;

/**
 * Someone else changed or removed the contact since the caller read it; carries the
 * contact as it is now ({@code null} when removed).
 */
public class ContactConflictException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient @Nullable Contact current;

	ContactConflictException(@Nullable Contact current) {
		super("The contact was changed by someone else");
		this.current = current;
	}

	public @Nullable Contact current() {
		return this.current;
	}

}
