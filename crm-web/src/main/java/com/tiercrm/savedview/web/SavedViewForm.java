package com.tiercrm.savedview.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A view to save: its name, whether the team sees it, and the list's query string
 * (without a cursor, which would only ever point into an old page).
 *
 * @param name the view's name
 * @param shared whether the user's team sees it too
 * @param query the customer list's query string
 */
record SavedViewForm(@NotBlank @Size(max = 60) @Nullable String name, @Nullable Boolean shared,
		@Size(max = 2000) @Pattern(regexp = "(?!.*(^|&)cursor=)[^#]*") @Nullable String query) {

	String queryOrEmpty() {
		return (this.query != null) ? this.query : "";
	}

}
