package com.tiercrm.imports.web;

/**
 * An upload request with a parameter we cannot use; carries a message key.
 */
class InvalidImportRequestException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String messageKey;

	private final String argument;

	InvalidImportRequestException(String messageKey, String argument) {
		super(messageKey + " " + argument);
		this.messageKey = messageKey;
		this.argument = argument;
	}

	String messageKey() {
		return this.messageKey;
	}

	String argument() {
		return this.argument;
	}

}
