package com.tiercrm.customer;

import java.util.Locale;

/**
 * An industry or a region: the code customers store and its names.
 *
 * @param code what the customer's column holds, e.g. {@code RETAIL}
 * @param englishName the name shown in English
 * @param chineseName the name shown in Chinese
 * @param sortOrder where it comes in lists, smallest first
 */
public record ReferenceEntry(String code, String englishName, String chineseName, int sortOrder) {

	/** The name in the user's language: Chinese for Chinese, English otherwise. */
	public String name(Locale locale) {
		return "zh".equals(locale.getLanguage()) ? this.chineseName : this.englishName;
	}

}
