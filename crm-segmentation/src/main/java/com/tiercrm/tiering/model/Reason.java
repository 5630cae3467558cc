package com.tiercrm.tiering.model;

import java.util.List;

/**
 * Why a customer got a class: a message key and the arguments of the message, so that the
 * text is rendered in the reader's language. Arguments are numbers or codes, never prose.
 *
 * @param key the message key, for example {@code abc.reason.share.a}
 * @param arguments the message arguments in the order the bundles use them
 */
public record Reason(String key, List<Object> arguments) {

	/**
	 * Copies the arguments.
	 */
	public Reason {
		arguments = List.copyOf(arguments);
	}

	/**
	 * Creates a reason.
	 * @param key the message key
	 * @param arguments the message arguments
	 * @return the reason
	 */
	public static Reason of(String key, Object... arguments) {
		return new Reason(key, List.of(arguments));
	}

}
