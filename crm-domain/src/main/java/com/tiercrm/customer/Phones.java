package com.tiercrm.customer;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Brings phone numbers to one form so that the same number always matches: spaces,
 * dashes, dots and brackets go, and a +86 / 0086 / 86 country prefix in front of a
 * mainland number is dropped ({@code +86 138-1234-5678} → {@code 13812345678},
 * {@code (021) 6123 4567} → {@code 02161234567}). Other international numbers keep their
 * {@code +}.
 */
public final class Phones {

	private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.()（）]");

	private static final Pattern DIGITS = Pattern.compile("\\+?[0-9]{5,20}");

	private Phones() {
	}

	/** The normalised number, or empty when the text is not a phone number. */
	public static Optional<String> normalise(String text) {
		String compact = SEPARATORS.matcher(text).replaceAll("");
		if (compact.startsWith("00")) {
			compact = "+" + compact.substring(2);
		}
		if (!DIGITS.matcher(compact).matches()) {
			return Optional.empty();
		}
		if (compact.startsWith("+86")) {
			compact = compact.substring(3);
		}
		else if (compact.startsWith("86") && compact.length() == 13 && compact.charAt(2) == '1') {
			compact = compact.substring(2);
		}
		return Optional.of(compact);
	}

}
