package com.tiercrm.imports;

import java.util.List;
import java.util.Locale;

/**
 * A column an import understands.
 */
interface ImportColumn {

	String name();

	Spec spec();

	default boolean required() {
		return spec().required();
	}

	default int maxLength() {
		return spec().maxLength();
	}

	/** Recognised header names: the Chinese template name first, then the English one. */
	default List<String> headers() {
		return spec().headers();
	}

	default String templateHeader(Locale locale) {
		return "zh".equals(locale.getLanguage()) ? headers().get(0) : headers().get(1);
	}

	/**
	 * What a column requires and the header names it is recognised by.
	 */
	record Spec(boolean required, int maxLength, List<String> headers) {

	}

}
