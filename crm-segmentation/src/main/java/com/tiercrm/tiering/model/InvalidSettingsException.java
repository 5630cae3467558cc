package com.tiercrm.tiering.model;

/**
 * Settings a model cannot work with. Carries the message code that says why, for the form
 * or the API to put into the user's language.
 */
public class InvalidSettingsException extends IllegalArgumentException {

	private final String messageCode;

	public InvalidSettingsException(String messageCode) {
		super(messageCode);
		this.messageCode = messageCode;
	}

	public String messageCode() {
		return this.messageCode;
	}

}
