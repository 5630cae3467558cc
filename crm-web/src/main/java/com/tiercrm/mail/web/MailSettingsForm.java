package com.tiercrm.mail.web;

import com.tiercrm.mail.MailSettings;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The account's mail form.
 */
record MailSettingsForm(@Email @Size(max = 254) @Nullable String email,
		@NotBlank @Pattern(regexp = "en|zh-CN") @Nullable String language, @Nullable Boolean dailyDigest,
		@Nullable Boolean monthlyReport) {

	static MailSettingsForm of(MailSettings settings) {
		return new MailSettingsForm(settings.email(), settings.language(), settings.dailyDigest(),
				settings.monthlyReport());
	}

	/**
	 * Whether mail is chosen without an address to send it to.
	 */
	boolean wantsMailWithoutAddress() {
		return (chosen(this.dailyDigest) || chosen(this.monthlyReport)) && (this.email == null || this.email.isBlank());
	}

	MailSettings settings() {
		return new MailSettings(this.email, (this.language != null) ? this.language : "en", chosen(this.dailyDigest),
				chosen(this.monthlyReport));
	}

	// An unticked box sends nothing.
	private static boolean chosen(@Nullable Boolean box) {
		return Boolean.TRUE.equals(box);
	}

}
