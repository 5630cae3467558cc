package com.tiercrm.imports;

import java.util.Locale;
import java.util.Optional;

/**
 * What a file holds; the API names it in the URL ({@code customers}, {@code orders},
 * {@code interactions}).
 */
public enum ImportKind {

	CUSTOMERS, ORDERS, INTERACTIONS;

	public String pathName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<ImportKind> ofPathName(String name) {
		for (ImportKind kind : values()) {
			if (kind.pathName().equals(name)) {
				return Optional.of(kind);
			}
		}
		return Optional.empty();
	}

}
