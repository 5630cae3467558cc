package com.tiercrm.customer;

/**
 * An industry or region that would take a code or a name another entry has.
 */
public class ReferenceEntryConflictException extends RuntimeException {

	private final String messageKey;

	private final String argument;

	public ReferenceEntryConflictException(String messageKey, String argument) {
		super(messageKey + ": " + argument);
		this.messageKey = messageKey;
		this.argument = argument;
	}

	public String messageKey() {
		return this.messageKey;
	}

	public String argument() {
		return this.argument;
	}

}
