package com.tiercrm.book.web;

import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The book page's query string. Values stay text until validated, so that a mistyped one
 * is refused with its reason instead of failing the request.
 *
 * @param rep whose book, blank for the overview; ignored for reps, who see their own
 * @param page which page of the book, from 1; blank for the first
 */
record BookForm(@Nullable @Pattern(regexp = "\\d{0,18}") String rep,
		@Nullable @Pattern(regexp = "|[1-9]\\d{0,8}") String page) {

	@Nullable Long repId() {
		return isBlank(this.rep) ? null : Long.valueOf(this.rep);
	}

	int pageNumber() {
		return isBlank(this.page) ? 1 : Integer.parseInt(this.page);
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isEmpty();
	}

}
