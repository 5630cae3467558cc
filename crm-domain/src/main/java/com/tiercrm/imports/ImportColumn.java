package com.tiercrm.imports;

import java.util.List;
import java.util.Locale;

/**
 * A column an import understands.
 */
interface ImportColumn {

	String name();

	boolean required();

	int maxLength();

	/** Recognised header names: the Chinese template name first, then the English one. */
	List<String> headers();

	String templateHeader(Locale locale);

}
