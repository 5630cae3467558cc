package com.tiercrm.web;

import org.jspecify.annotations.Nullable;

/**
 * Text for cells of exported files. A value that a spreadsheet would run as a formula
 * (starting with {@code = + - @}, a tab or a carriage return) gets a leading single
 * quote, so that a customer named {@code =HYPERLINK(…)} stays text when the file is
 * opened.
 */
public final class SpreadsheetText {

	private SpreadsheetText() {
	}

	public static String neutralise(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		return switch (value.charAt(0)) {
			case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
			default -> value;
		};
	}

}
