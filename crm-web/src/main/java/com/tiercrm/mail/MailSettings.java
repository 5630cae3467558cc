package com.tiercrm.mail;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What a user chose to receive by mail, and where.
 *
 * @param email their e-mail address, {@code null} for none
 * @param language the language the mail is written in, a language tag ({@code en},
 * {@code zh-CN})
 * @param dailyDigest whether they get the daily digest
 * @param monthlyReport whether they get the monthly tiering report (managers and admins)
 */
public record MailSettings(@Nullable String email, String language, boolean dailyDigest, boolean monthlyReport) {

	/** The languages mail is written in. */
	public static final List<String> LANGUAGES = List.of("en", "zh-CN");

	public Locale locale() {
		return Locale.forLanguageTag(this.language);
	}

}
