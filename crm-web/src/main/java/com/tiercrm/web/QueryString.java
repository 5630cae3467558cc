package com.tiercrm.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

/**
 * A query string built from a form's fields for links back to a page: each field that has
 * a value, encoded, in the order added.
 */
public final class QueryString {

	private final StringJoiner parts = new StringJoiner("&");

	/**
	 * Adds a field unless it is blank.
	 * @param name the parameter's name
	 * @param value its value, or {@code null}
	 * @return this query string
	 */
	public QueryString add(String name, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			this.parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
		}
		return this;
	}

	@Override
	public String toString() {
		return this.parts.toString();
	}

}
