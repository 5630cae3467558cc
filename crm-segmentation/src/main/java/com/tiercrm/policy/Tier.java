package com.tiercrm.policy;

import java.util.Locale;

/**
 * A tier a customer can be in, with its labels in both languages.
 */
public record Tier(String code, String model, String classCode, int rankOrder, String labelEn, String labelZh) {

	public String label(Locale locale) {
		return "zh".equals(locale.getLanguage()) ? this.labelZh : this.labelEn;
	}

}
