package com.tiercrm.imports;

/**
 * The file as a whole cannot be imported (binary, truncated, too large, required columns
 * missing…). Carries a message key and its argument, never text.
 */
public class ImportFileException extends RuntimeException {

	private final String messageKey;

	private final String argument;

	public ImportFileException(String messageKey, String argument) {
		super(messageKey + " " + argument);
		this.messageKey = messageKey;
		this.argument = argument;
	}

	public ImportFileException(String messageKey) {
		this(messageKey, "");
	}

	public String messageKey() {
		return this.messageKey;
	}

	public String argument() {
		return this.argument;
	}

}
