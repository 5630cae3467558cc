package com.tiercrm.account.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The reset-password form.
 */
record PasswordForm(@NotBlank @Size(min = 12, max = 100) @Nullable String password,
		@Nullable String passwordConfirmation) {

	static PasswordForm empty() {
		return new PasswordForm("", "");
	}

	boolean passwordsMatch() {
		return this.password == null || this.password.equals(this.passwordConfirmation);
	}

}
